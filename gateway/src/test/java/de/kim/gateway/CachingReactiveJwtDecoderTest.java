package de.kim.gateway;

import de.kim.platform.testing.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingReactiveJwtDecoderTest {

    private final Instant now = Instant.parse("2026-12-01T08:00:00Z");
    private final AtomicInteger checks = new AtomicInteger();

    /** Accepts "good-…" tokens valid for five minutes from the start, refuses every other one. */
    private final ReactiveJwtDecoder validator = token -> {
        checks.incrementAndGet();
        if (!token.startsWith("good")) {
            return Mono.error(new BadJwtException("refused"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("leitung.mettmann")
                .issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(5))).build());
    };

    @Test
    void an_accepted_token_is_checked_once_until_it_expires() {
        MovableClock clock = new MovableClock(now);
        CachingReactiveJwtDecoder decoder = new CachingReactiveJwtDecoder(validator, clock);

        Jwt first = decoder.decode("good-1").block();
        clock.advance(Duration.ofMinutes(4));
        assertThat(decoder.decode("good-1").block()).isSameAs(first);
        assertThat(checks).hasValue(1);

        clock.advance(Duration.ofMinutes(1));
        decoder.decode("good-1").block();
        assertThat(checks).as("expired: checked again").hasValue(2);
    }

    @Test
    void a_refused_token_is_refused_every_time() {
        CachingReactiveJwtDecoder decoder = new CachingReactiveJwtDecoder(validator, new MovableClock(now));

        assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThat(checks).hasValue(2);
    }
}
