package de.kim.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * The ports the local platform listens on: fixed ones for {@code ./kim start}, free ones
 * for tests that start a platform of their own beside it.
 */
public record Ports(int gateway, int caseService, int partnerService, int immigrationOfficeService,
                    int steeringService, int web, int authServer, int kafka, int kafkaController, int mongo) {

    public static Ports defaults() {
        return new Ports(8080, 8081, 8082, 8083, 8084, 8085, 9000, 9092, 9093, 27017);
    }

    public static Ports free() {
        return new Ports(freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(),
                freePort(), freePort());
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
