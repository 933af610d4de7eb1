package de.kim.gateway;

import com.sun.net.httpserver.HttpServer;
import de.kim.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client sees when a service's instance dies or a service cannot answer: case-service
 * has two real instances, one of which is stopped under concurrent load; partner-service drops
 * every connection before answering; the immigration office's service is not running at all;
 * the web front end never answers (the gateway waits one second here).
 * The active health check is slowed to an hour, so only the gateway's own handling shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UnreachableInstancesTest {

    static final AtomicInteger FIRST_CALLS = new AtomicInteger();
    static final HttpServer FIRST = instance(FIRST_CALLS);
    static final AtomicInteger SECOND_CALLS = new AtomicInteger();
    static final HttpServer SECOND = instance(SECOND_CALLS);
    static final ServerSocket DROPPING = unanswering(false);
    static final ServerSocket HANGING = unanswering(true);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("kim.security.jwt.issuer", () -> TestTokens.ISSUER);
        registry.add("kim.security.jwt.jwk-set-uri", () -> url(FIRST) + "/jwks");
        registry.add("spring.cloud.discovery.client.simple.instances.case-service[0].uri", () -> url(FIRST));
        registry.add("spring.cloud.discovery.client.simple.instances.case-service[1].uri", () -> url(SECOND));
        registry.add("KIM_PARTNER_SERVICE_URL", () -> "http://127.0.0.1:" + DROPPING.getLocalPort());
        registry.add("KIM_IMMIGRATION_OFFICE_SERVICE_URL", () -> "http://127.0.0.1:" + closedPort());
        registry.add("KIM_WEB_URL", () -> "http://127.0.0.1:" + HANGING.getLocalPort());
        registry.add("spring.cloud.gateway.server.webflux.httpclient.response-timeout", () -> "1s");
        registry.add("spring.cloud.loadbalancer.health-check.interval", () -> "1h");
        registry.add("kim.gateway.rate-limit.per-second", () -> "100000");
        registry.add("kim.gateway.rate-limit.burst", () -> "100000");
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final String token = TestTokens.sign(TestTokens.claimsNamingRoles(TestTokens.TENANT, "unreachable-test",
            List.of("CASE_MANAGER")));

    @AfterAll
    static void stop() throws IOException {
        FIRST.stop(0);
        SECOND.stop(0);
        DROPPING.close();
        HANGING.close();
    }

    @Test
    void when_one_of_two_instances_dies_under_load_every_request_is_answered_by_the_other() throws Exception {
        // Until both have passed their first readiness check, the balancer may know only one.
        for (int i = 0; i < 100 && (FIRST_CALLS.get() == 0 || SECOND_CALLS.get() == 0); i++) {
            assertThat(post("/api/cases").statusCode()).isEqualTo(201);
        }
        assertThat(List.of(FIRST_CALLS.get(), SECOND_CALLS.get())).as("both instances serve").allMatch(calls -> calls > 0);

        SECOND.stop(0);
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                sent.add(clients.submit(() -> statuses.add(post("/api/cases").statusCode())));
            }
            for (Future<?> request : sent) {
                request.get();
            }
        } finally {
            clients.shutdown();
        }
        assertThat(statuses).hasSize(400).containsOnly(201);
    }

    @Test
    void a_service_that_drops_the_connection_gets_502_saying_the_change_may_have_been_made() throws Exception {
        HttpResponse<String> answer = post("/api/partners");
        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("\"title\":\"Verbindung zum Dienst abgebrochen\"",
                "Ob Ihre Änderung gespeichert wurde, ist offen");
    }

    @Test
    void a_service_without_a_running_instance_gets_503_saying_nothing_was_changed() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/residence-records"))
                .header("Authorization", "Bearer " + token).header("Accept-Language", "en").GET());
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("\"title\":\"Service unavailable\"", "Nothing was changed");
    }

    @Test
    void a_service_that_does_not_answer_in_time_gets_504() {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/faelle")).GET());
        assertThat(answer.statusCode()).isEqualTo(504);
        assertThat(answer.body()).contains("\"title\":\"Keine Antwort des Dienstes\"");
    }

    private HttpResponse<String> post(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"invented\":true}")));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An instance standing in for case-service: ready, serves the token keys, answers 201 to a POST. */
    private static HttpServer instance(AtomicInteger calls) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.createContext("/jwks", exchange -> answer(exchange, 200, TestTokens.jwkSetJson()));
            server.createContext("/actuator/health/readiness", exchange -> answer(exchange, 200, "{\"status\":\"UP\"}"));
            server.createContext("/api", exchange -> {
                calls.incrementAndGet();
                exchange.getRequestBody().readAllBytes();
                answer(exchange, 201, "{}");
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /**
     * A service that passes its readiness check and, to every other request, either closes the
     * connection without answering or never answers at all.
     */
    private static ServerSocket unanswering(boolean hang) {
        try {
            ServerSocket server = new ServerSocket(0);
            List<Socket> held = new ArrayList<>();
            Thread accepting = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket connection = server.accept();
                        InputStream in = connection.getInputStream();
                        String request = new String(in.readNBytes(Math.max(in.available(), 64)), StandardCharsets.ISO_8859_1);
                        if (request.contains("/actuator/health/readiness")) {
                            OutputStream out = connection.getOutputStream();
                            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"
                                    .getBytes(StandardCharsets.ISO_8859_1));
                            out.flush();
                            connection.close();
                        } else if (hang) {
                            held.add(connection);
                        } else {
                            connection.close();
                        }
                    } catch (IOException closed) {
                        // the server socket was closed at the end of the test, or the gateway hung up
                    }
                }
            }, hang ? "hanging-service" : "dropping-service");
            accepting.setDaemon(true);
            accepting.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
