package de.kim.gateway;

import com.sun.net.httpserver.HttpServer;
import de.kim.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production shape ({@code kim.security.public-api-docs=false}): a service's OpenAPI document
 * through the gateway needs a valid token; without one the gateway answers 401 and never asks the service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kim.security.public-api-docs=false")
class ApiDocsBehindSignInTest {

    static final AtomicInteger DOCUMENT_REQUESTS = new AtomicInteger();
    static final HttpServer UPSTREAM = upstream();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("kim.security.jwt.issuer", () -> TestTokens.ISSUER);
        registry.add("kim.security.jwt.jwk-set-uri", () -> "http://127.0.0.1:" + UPSTREAM.getAddress().getPort() + "/jwks");
        registry.add("KIM_CASE_SERVICE_URL", () -> "http://127.0.0.1:" + UPSTREAM.getAddress().getPort());
    }

    @Autowired
    WebTestClient http;

    @AfterAll
    static void stop() {
        UPSTREAM.stop(0);
    }

    @Test
    void the_openapi_document_answers_401_without_a_token_and_200_with_a_valid_one() {
        http.get().uri("/v3/api-docs/case-service").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        assertThat(DOCUMENT_REQUESTS.get()).isZero();

        String token = TestTokens.sign(TestTokens.claimsNamingRoles(TestTokens.TENANT, "docs-reader", List.of("CASE_MANAGER")));
        http.get().uri("/v3/api-docs/case-service").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.openapi").isEqualTo("3.1.0");
        assertThat(DOCUMENT_REQUESTS.get()).isEqualTo(1);
    }

    private static HttpServer upstream() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/jwks", exchange -> answer(exchange, TestTokens.jwkSetJson()));
            server.createContext("/actuator/health/readiness", exchange -> answer(exchange, "{\"status\":\"UP\"}"));
            server.createContext("/v3/api-docs", exchange -> {
                DOCUMENT_REQUESTS.incrementAndGet();
                answer(exchange, "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"case-service\"}}");
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
