package de.kim.cases.web;

import com.sun.net.httpserver.HttpServer;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Stands in for partner-service and the immigration office when a test's self-disclosure asks
 * them for their reads of a client: both answer that they read nothing.
 */
final class NoPeerReads {

    private static HttpServer server;

    private NoPeerReads() {
    }

    static synchronized void register(DynamicPropertyRegistry registry) {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/api/audit/", exchange -> {
                byte[] none = "[]".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, none.length);
                exchange.getResponseBody().write(none);
                exchange.close();
            });
            server.start();
        }
        String address = "http://localhost:" + server.getAddress().getPort();
        registry.add("kim.audit.peers.partner-service", () -> address);
        registry.add("kim.audit.peers.immigration-office-service", () -> address);
    }
}
