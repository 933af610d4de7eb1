package de.kim.bench;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class Http1ConnectionTest {

    HttpServer server;
    final AtomicInteger posts = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fixed", exchange -> {
            byte[] in = exchange.getRequestBody().readAllBytes();
            posts.incrementAndGet();
            byte[] answer = ("{\"id\":\"" + new String(in, StandardCharsets.UTF_8).length() + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.createContext("/chunked", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("ä".repeat(5000).getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });
        server.createContext("/nothing", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void answers_with_a_length_in_chunks_and_without_a_body_come_whole_on_one_connection() throws IOException {
        try (Http1Connection connection = new Http1Connection(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))) {
            for (int i = 0; i < 3; i++) {
                Http1Connection.Response fixed = connection.send("POST", "/fixed", "token", "{\"ä\":1}".getBytes(StandardCharsets.UTF_8));
                assertThat(fixed.status()).isEqualTo(201);
                assertThat(fixed.body()).isEqualTo("{\"id\":\"7\"}");
                Http1Connection.Response chunked = connection.send("GET", "/chunked?x=1", null, null);
                assertThat(chunked.status()).isEqualTo(200);
                assertThat(chunked.body()).isEqualTo("ä".repeat(5000));
                assertThat(connection.send("DELETE", "/nothing", "token", null).status()).isEqualTo(204);
            }
        }
        assertThat(posts).hasValue(3);
    }

    @Test
    void a_kept_alive_connection_the_server_closed_is_opened_again_and_the_request_sent_once() throws Exception {
        AtomicInteger handled = new AtomicInteger();
        try (java.net.ServerSocket closing = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread serverThread = new Thread(() -> {
                // Answers one request per connection, then closes it without saying so.
                while (!closing.isClosed()) {
                    try (java.net.Socket socket = closing.accept()) {
                        var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                                StandardCharsets.ISO_8859_1));
                        int length = 0;
                        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                            if (line.toLowerCase().startsWith("content-length:")) {
                                length = Integer.parseInt(line.substring(15).trim());
                            }
                        }
                        in.skip(length);
                        handled.incrementAndGet();
                        socket.getOutputStream().write("HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n{}"
                                .getBytes(StandardCharsets.ISO_8859_1));
                        socket.getOutputStream().flush();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            serverThread.setDaemon(true);
            serverThread.start();
            try (Http1Connection connection = new Http1Connection(URI.create("http://127.0.0.1:" + closing.getLocalPort()))) {
                for (int i = 0; i < 3; i++) {
                    assertThat(connection.send("POST", "/x", null, "{}".getBytes(StandardCharsets.UTF_8)).status())
                            .isEqualTo(201);
                    Thread.sleep(50);
                }
            }
        }
        assertThat(handled).hasValue(3);
    }
}
