package de.kim.gateway;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.CompletionContext;
import org.springframework.cloud.client.loadbalancer.LoadBalancerLifecycle;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.stereotype.Component;

import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passive health checking: an instance that refused a connection (it just died or is
 * restarting) is left out of the balancing for a while, so that the next requests, and the
 * retry of the refused one, go to the instances that answer. The active health check, every
 * few seconds, would notice later; until then every other request would meet the dead one.
 * If every instance of a service is left out, all are tried again rather than none.
 */
@Component
class InstanceEjections implements LoadBalancerLifecycle<Object, Object, ServiceInstance> {

    private final Duration ejection;
    private final Clock clock;
    private final Map<URI, Instant> ejectedUntil = new ConcurrentHashMap<>();

    @Autowired
    InstanceEjections(@Value("${kim.gateway.ejection-after-refused-connect:5s}") Duration ejection) {
        this(ejection, Clock.systemUTC());
    }

    InstanceEjections(Duration ejection, Clock clock) {
        this.ejection = ejection;
        this.clock = clock;
    }

    /** The instances to balance between: those not left out, or all of them if none is left. */
    List<ServiceInstance> usable(List<ServiceInstance> instances) {
        Instant now = clock.instant();
        List<ServiceInstance> answering = instances.stream()
                .filter(instance -> !ejectedUntil.getOrDefault(instance.getUri(), Instant.MIN).isAfter(now))
                .toList();
        return answering.isEmpty() ? instances : answering;
    }

    void refusedConnection(ServiceInstance instance) {
        ejectedUntil.put(instance.getUri(), clock.instant().plus(ejection));
    }

    @Override
    public void onComplete(CompletionContext<Object, ServiceInstance, Object> completion) {
        Response<ServiceInstance> chosen = completion.getLoadBalancerResponse();
        if (completion.status() == CompletionContext.Status.FAILED && chosen != null && chosen.hasServer()
                && refused(completion.getThrowable())) {
            refusedConnection(chosen.getServer());
        }
    }

    private static boolean refused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void onStart(Request<Object> request) {
    }

    @Override
    public void onStartRequest(Request<Object> request, Response<ServiceInstance> chosen) {
    }
}
