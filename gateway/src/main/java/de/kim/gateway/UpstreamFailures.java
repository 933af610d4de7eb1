package de.kim.gateway;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.net.ConnectException;

/**
 * A service that cannot be reached, or drops the connection before it answers, is the
 * gateway's to explain: 503 when no instance took the request (nothing happened, the client
 * may send it again), 502 when the connection broke after the request went out (the change
 * may or may not have been made), 504 when no answer came in time; never a bare 500. Runs
 * around every other filter, so a request the retry could still save is not answered early.
 */
@Component
class UpstreamFailures implements GlobalFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).onErrorResume(failure -> {
            Problems.Kind kind = kindOf(failure);
            return kind == null ? Mono.error(failure) : Problems.write(exchange, kind);
        });
    }

    private static Problems.Kind kindOf(Throwable failure) {
        // The gateway's own answers for "no instance" (NotFoundException) and "response timeout".
        if (failure instanceof ResponseStatusException status) {
            return switch (status.getStatusCode().value()) {
                case 503 -> Problems.Kind.UNAVAILABLE;
                case 504 -> Problems.Kind.NO_ANSWER_IN_TIME;
                default -> null;
            };
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return Problems.Kind.UNAVAILABLE;
            }
            if (cause instanceof IOException) {
                return Problems.Kind.CONNECTION_BROKEN;
            }
        }
        return null;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
