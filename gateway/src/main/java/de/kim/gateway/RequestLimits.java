package de.kim.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
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
import java.time.Duration;

/**
 * Two limits on every routed request: a body larger than {@code kim.gateway.max-request-bytes}
 * gets 413 before a service sees it, and each signed-in user may send
 * {@code kim.gateway.rate-limit.per-second} requests a second with bursts up to
 * {@code kim.gateway.rate-limit.burst} to the APIs (a Bucket4j token bucket per user and tenant; the web
 * front end's own API calls carry the user's token and count for them), beyond that 429
 * with {@code Retry-After}. The buckets live in this gateway instance: with several
 * instances, each allows the rate, which is what a limit against runaway clients needs.
 */
@Component
public class RequestLimits implements GlobalFilter, Ordered {

    private final long maxRequestBytes;
    private final long perSecond;
    private final long burst;
    /** One bucket per user; one not used for an hour is dropped, and never more than 100,000 are kept. */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1)).maximumSize(100_000).build();

    public RequestLimits(@Value("${kim.gateway.max-request-bytes}") long maxRequestBytes,
                         @Value("${kim.gateway.rate-limit.per-second}") long perSecond,
                         @Value("${kim.gateway.rate-limit.burst}") long burst) {
        this.maxRequestBytes = maxRequestBytes;
        this.perSecond = perSecond;
        this.burst = burst;
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
        return buckets.get(user, key -> Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)))
                .build()).tryConsume(1);
    }

    private static String userKey(Principal principal) {
        if (principal instanceof JwtAuthenticationToken token) {
            return token.getToken().getClaimAsString("tenant") + "/" + token.getName();
        }
        return principal.getName();
    }
}
