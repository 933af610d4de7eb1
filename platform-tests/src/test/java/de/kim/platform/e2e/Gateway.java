package de.kim.platform.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;


/**
 * A front end's view of the platform: HTTP requests to the gateway, JSON in and out, signed
 * in as one demo user with a token from the platform's auth-server (or as no one).
 */
final class Gateway {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String DEMO_PASSWORD = "demo";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final HttpClient http = HTTP;
    private final String base;
    private final String token;

    Gateway(int port) {
        this(port, null);
    }

    private Gateway(int port, String token) {
        this.base = "http://localhost:" + port;
        this.token = token;
    }

    /** The gateway as the demo user signs in to it: a token from the auth-server's token endpoint. */
    static Gateway signedIn(int gatewayPort, int authServerPort, String user) {
        return new Gateway(gatewayPort, token(authServerPort, user));
    }

    /** The same gateway, sending this token (any string) as bearer token. */
    Gateway withToken(String bearer) {
        return new Gateway(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), bearer);
    }

    String token() {
        return token;
    }

    static String token(int authServerPort, String user) {
        String basic = java.util.Base64.getEncoder().encodeToString(
                (user + ":" + DEMO_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + authServerPort + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        try {
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("no token for " + user + ": " + answer.statusCode());
            }
            return JSON.readTree(answer.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String base() {
        return base;
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<String> post(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> post(String path, String body, String header, String value) {
        return send(request(path).header("Content-Type", "application/json").header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> put(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> delete(String path) {
        return send(request(path).DELETE().build());
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
