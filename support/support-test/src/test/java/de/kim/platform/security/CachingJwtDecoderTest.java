package de.kim.platform.security;

import de.kim.platform.testing.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingJwtDecoderTest {

    private final Instant start = Instant.parse("2026-12-01T08:00:00Z");
    private final MovableClock clock = new MovableClock(start);
    private final AtomicInteger checks = new AtomicInteger();

    /** Accepts "good-…" tokens valid for five minutes from now, refuses every other one. */
    private final JwtDecoder validator = token -> {
        checks.incrementAndGet();
        if (!token.startsWith("good")) {
            throw new BadJwtException("refused");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("fallmanagement.mettmann")
                .issuedAt(clock.instant()).expiresAt(clock.instant().plus(Duration.ofMinutes(5))).build();
    };

    private final CachingJwtDecoder decoder = new CachingJwtDecoder(validator, clock);

    @Test
    void an_accepted_token_is_checked_once_while_it_is_valid() {
        Jwt first = decoder.decode("good-1");
        clock.advance(Duration.ofMinutes(4));
        Jwt again = decoder.decode("good-1");

        assertThat(again).isSameAs(first);
        assertThat(checks).hasValue(1);
    }

    @Test
    void an_expired_token_goes_to_the_validator_again() {
        decoder.decode("good-1");
        clock.advance(Duration.ofMinutes(5));
        decoder.decode("good-1");

        assertThat(checks).hasValue(2);
    }

    @Test
    void a_refused_token_is_refused_every_time() {
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(checks).hasValue(2);
    }
}
