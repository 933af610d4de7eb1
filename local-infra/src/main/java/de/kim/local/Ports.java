package de.kim.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * The ports the local platform listens on: fixed ones for {@code ./kim start}, free ones
 * for tests that start a platform of their own beside it.
 */
public record Ports(int gateway, int caseService, int partnerService, int immigrationOfficeService,
                    int steeringService, int web, int authServer, int kafka, int kafkaController, int mongo) {

    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    public static Ports defaults() {
        return new Ports(8080, 8081, 8082, 8083, 8084, 8085, 9000, 9092, 9093, 27017);
    }

    public static Ports free() {
        return new Ports(freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(),
                freePort(), freePort());
    }

    /**
     * A port free now and never handed out before in this JVM: the system may give the same
     * free port to two probes in a row (a broker whose two listeners got one port would not start).
     */
    public static synchronized int freePort() {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                socket.setReuseAddress(true);
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
