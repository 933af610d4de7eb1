package de.kim.gateway;

import com.sun.net.httpserver.HttpServer;
import de.kim.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in front of a real HTTP upstream standing in for case-service: what it lets
 * through, what it refuses itself (401, 413, 429, foreign origins) and the headers it adds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayGuardTest {

    static final AtomicInteger UPSTREAM_CALLS = new AtomicInteger();
    static final List<String> RELAYED_AUTHORIZATION = new ArrayList<>();
    static final HttpServer UPSTREAM = upstream();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("kim.security.jwt.issuer", () -> TestTokens.ISSUER);
        registry.add("kim.security.jwt.jwk-set-uri", () -> "http://127.0.0.1:" + UPSTREAM.getAddress().getPort() + "/jwks");
        registry.add("KIM_CASE_SERVICE_URL", () -> "http://127.0.0.1:" + UPSTREAM.getAddress().getPort());
        registry.add("kim.gateway.max-request-bytes", () -> "1000");
        registry.add("kim.gateway.rate-limit.per-second", () -> "1");
        registry.add("kim.gateway.rate-limit.burst", () -> "5");
    }

    @Autowired
    WebTestClient http;

    @AfterAll
    static void stop() {
        UPSTREAM.stop(0);
    }

    @Test
    void a_valid_token_is_relayed_unchanged_and_the_answer_carries_security_headers() {
        String token = token("relay-user");
        http.get().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().exists("Content-Security-Policy")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer");
        assertThat(RELAYED_AUTHORIZATION).contains("Bearer " + token);
    }

    @Test
    void no_token_or_a_forged_one_gets_401_problem_details_and_never_reaches_a_service() {
        int before = UPSTREAM_CALLS.get();
        http.get().uri("/api/cases").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody().jsonPath("$.title").isEqualTo("Anmeldung erforderlich");
        String forged = TestTokens.sign(TestTokens.claimsNamingRoles(TestTokens.TENANT, "x", List.of("CASE_MANAGER")),
                java.time.Instant.now().plusSeconds(300), TestTokens.foreignKey(), TestTokens.ISSUER);
        http.get().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, "Bearer " + forged)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.title").isEqualTo("Sign-in required");
        assertThat(UPSTREAM_CALLS.get()).isEqualTo(before);
    }

    @Test
    void a_token_of_the_issuer_for_another_audience_gets_401_and_never_reaches_a_service() {
        int before = UPSTREAM_CALLS.get();
        java.util.Map<String, Object> claims = new java.util.HashMap<>(
                TestTokens.claimsNamingRoles(TestTokens.TENANT, "x", List.of("CASE_MANAGER")));
        claims.put("aud", List.of("another-application"));
        http.get().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.sign(claims)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        claims.remove("aud");
        http.get().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.sign(claims)).exchange()
                .expectStatus().isUnauthorized();
        assertThat(UPSTREAM_CALLS.get()).isEqualTo(before);
    }

    @Test
    void an_oversized_body_gets_413_and_never_reaches_a_service() {
        int before = UPSTREAM_CALLS.get();
        http.post().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, "Bearer "
                        + token("big-sender"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"x\":\"" + "a".repeat(5000) + "\"}").exchange()
                .expectStatus().isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE)
                .expectBody().jsonPath("$.type").isEqualTo("urn:kim:problem:too-large");
        assertThat(UPSTREAM_CALLS.get()).isEqualTo(before);
    }

    @Test
    void a_user_beyond_the_rate_gets_429_with_retry_after_while_another_user_goes_on() {
        String hasty = token("hasty-user");
        List<EntityExchangeResult<String>> answers = new ArrayList<>();
        // Five at once (the burst), then more than one a second: one of those is refused. (Twenty, not
        // six: on a loaded machine a request may take long enough for the bucket to refill once.)
        for (int i = 0; i < 20; i++) {
            answers.add(http.get().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, "Bearer " + hasty).exchange()
                    .expectBody(String.class).returnResult());
        }
        assertThat(answers.subList(0, 5)).allMatch(answer -> answer.getStatus().value() == 200);
        EntityExchangeResult<String> refused = answers.stream().filter(answer -> answer.getStatus().value() == 429)
                .findFirst().orElseThrow(() -> new AssertionError("no request beyond the rate was refused"));
        assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(refused.getResponseBody()).contains("urn:kim:problem:too-many-requests");
        http.get().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, "Bearer "
                        + token("calm-user")).exchange()
                .expectStatus().isOk();
    }

    @Test
    void cors_answers_the_platforms_own_origin_and_refuses_others() {
        http.options().uri("/api/cases").header(HttpHeaders.ORIGIN, "http://localhost:8080")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:8080");
        http.options().uri("/api/cases").header(HttpHeaders.ORIGIN, "https://evil.example.org")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST").exchange()
                .expectStatus().isForbidden();
    }

    private static String token(String user) {
        return TestTokens.sign(TestTokens.claimsNamingRoles(TestTokens.TENANT, user, List.of("CASE_MANAGER")));
    }

    private static HttpServer upstream() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/jwks", exchange -> {
                byte[] keys = TestTokens.jwkSetJson().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, keys.length);
                exchange.getResponseBody().write(keys);
                exchange.close();
            });
            server.createContext("/actuator/health/readiness", exchange -> {
                byte[] up = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, up.length);
                exchange.getResponseBody().write(up);
                exchange.close();
            });
            server.createContext("/api", exchange -> {
                UPSTREAM_CALLS.incrementAndGet();
                synchronized (RELAYED_AUTHORIZATION) {
                    RELAYED_AUTHORIZATION.add(exchange.getRequestHeaders().getFirst("Authorization"));
                }
                exchange.getRequestBody().readAllBytes();
                byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
