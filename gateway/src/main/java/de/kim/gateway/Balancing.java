package de.kim.gateway;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Flux;

import java.util.List;

/**
 * How the gateway chooses a service's instance: round robin over those listed (or discovered)
 * that pass their readiness check ({@code spring.cloud.loadbalancer.health-check}) and have
 * not just refused a connection ({@link InstanceEjections}).
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = Balancing.PerService.class)
class Balancing {

    /** Read in each service's balancing context, not by the component scan (hence no {@code @Configuration}). */
    static class PerService {

        @Bean
        ServiceInstanceListSupplier instances(ConfigurableApplicationContext context, InstanceEjections ejections) {
            return ServiceInstanceListSupplier.builder()
                    .withDiscoveryClient()
                    .withHealthChecks()
                    .with((ignored, checked) -> new WithoutEjected(checked, ejections))
                    .build(context);
        }
    }

    /** Extends the delegating supplier so that the health check's own start and stop are passed on to it. */
    private static final class WithoutEjected extends DelegatingServiceInstanceListSupplier {

        private final InstanceEjections ejections;

        WithoutEjected(ServiceInstanceListSupplier checked, InstanceEjections ejections) {
            super(checked);
            this.ejections = ejections;
        }

        @Override
        public Flux<List<ServiceInstance>> get() {
            return getDelegate().get().map(ejections::usable);
        }
    }
}
