package de.kim.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.security.Principal;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Two limits on every routed request: a body larger than {@code kim.gateway.max-request-bytes}
 * gets 413 before a service sees it, and each signed-in user may send
 * {@code kim.gateway.rate-limit.per-second} requests a second with bursts up to
 * {@code kim.gateway.rate-limit.burst} to the APIs (a token bucket per user and tenant; the web
 * front end's own API calls carry the user's token and count for them), beyond that 429
 * with {@code Retry-After}. The buckets live in this gateway instance: with several
 * instances, each allows the rate, which is what a limit against runaway clients needs.
 */
@Component
public class RequestLimits implements GlobalFilter, Ordered {

    private static final int MAX_BUCKETS = 100_000;

    private final long maxRequestBytes;
    private final double perSecond;
    private final double burst;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RequestLimits(@Value("${kim.gateway.max-request-bytes}") long maxRequestBytes,
                         @Value("${kim.gateway.rate-limit.per-second}") double perSecond,
                         @Value("${kim.gateway.rate-limit.burst}") double burst) {
        this.maxRequestBytes = maxRequestBytes;
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = Clock.systemUTC();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxRequestBytes) {
            return Problems.write(exchange, Problems.Kind.TOO_LARGE);
        }
        if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
            return declared >= 0 ? chain.filter(exchange) : withBoundedBody(exchange, chain);
        }
        return exchange.getPrincipal().map(RequestLimits::userKey).defaultIfEmpty("anonymous")
                .flatMap(user -> {
                    if (!take(user)) {
                        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
                        return Problems.write(exchange, Problems.Kind.TOO_MANY);
                    }
                    return declared >= 0 ? chain.filter(exchange) : withBoundedBody(exchange, chain);
                });
    }

    /** A body without a declared length (chunked) is read up to the limit, then passed on. */
    private Mono<Void> withBoundedBody(ServerWebExchange exchange, GatewayFilterChain chain) {
        return DataBufferUtils.join(exchange.getRequest().getBody(), (int) Math.min(maxRequestBytes, Integer.MAX_VALUE))
                .map(body -> exchange.mutate().request(new ServerHttpRequestDecorator(exchange.getRequest()) {
                    @Override
                    public Flux<DataBuffer> getBody() {
                        return Flux.just(body);
                    }

                    @Override
                    public HttpHeaders getHeaders() {
                        HttpHeaders headers = new HttpHeaders();
                        headers.putAll(super.getHeaders());
                        headers.remove(HttpHeaders.TRANSFER_ENCODING);
                        headers.setContentLength(body.readableByteCount());
                        return headers;
                    }
                }).build())
                .defaultIfEmpty(exchange)
                .flatMap(chain::filter)
                .onErrorResume(DataBufferLimitException.class, tooLarge -> Problems.write(exchange, Problems.Kind.TOO_LARGE));
    }

    private boolean take(String user) {
        if (buckets.size() > MAX_BUCKETS) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(user, key -> new Bucket(burst, clock.millis())).take(perSecond, burst, clock.millis());
    }

    private static String userKey(Principal principal) {
        if (principal instanceof JwtAuthenticationToken token) {
            return token.getToken().getClaimAsString("tenant") + "/" + token.getName();
        }
        return principal.getName();
    }

    /** A token bucket: refills continuously, one token per request. */
    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized boolean take(double perSecond, double burst, long now) {
            tokens = Math.min(burst, tokens + (now - refilledAt) * perSecond / 1000.0);
            refilledAt = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
