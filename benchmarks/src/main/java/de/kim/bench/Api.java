package de.kim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * HTTP as a front end speaks it to the gateway: JSON bodies, a bearer token of the platform's
 * auth-server, HTTP/1.1 with a kept-alive connection per client thread. Shared by all load threads.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String DEMO_PASSWORD = "demo";

    private final ThreadLocal<Map<String, Http1Connection>> connections = ThreadLocal.withInitial(HashMap::new);
    /** Only for tokens, once per run. */
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** One answer, with when the request was sent and when its answer was read ({@link System#nanoTime()}). */
    record Answer(int status, String body, long sentAt, long answeredAt) {

        /** A connection refused, reset or timed out: no HTTP status. */
        static final int NO_ANSWER = -1;

        boolean ok() {
            return status >= 200 && status < 300;
        }

        long nanos() {
            return answeredAt - sentAt;
        }

        String id() {
            return json().path("id").asText(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }
    }

    /** Sends on the calling thread's own kept-alive connection to that host (one per client thread). */
    Answer send(String method, String url, String token, String body) {
        URI uri = URI.create(url);
        Http1Connection connection = connections.get().computeIfAbsent(uri.getHost() + ":" + uri.getPort(),
                key -> new Http1Connection(uri));
        String path = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        long sent = System.nanoTime();
        try {
            Http1Connection.Response response = connection.send(method, path, token, bytes);
            return new Answer(response.status(), response.body(), sent, System.nanoTime());
        } catch (IOException | RuntimeException e) {
            connection.close();
            return new Answer(Answer.NO_ANSWER, e.toString(), sent, System.nanoTime());
        }
    }

    /** A demo user's access token: the client-credentials grant with the user name as client id (README, "Sign in"). */
    String token(String authServer, String user) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(authServer + "/oauth2/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("no token for " + user + " at " + authServer + ": " + answer.statusCode()
                        + " " + answer.body());
            }
            return JSON.readTree(answer.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("no token for " + user + " at " + authServer + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
