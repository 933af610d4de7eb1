package de.kim.platform.e2e;

import de.kim.local.Platform;
import de.kim.local.Ports;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;


/**
 * The whole platform as {@code ./kim start} runs it, started for one test class (separate
 * processes, free ports, a data directory of its own) and stopped after it. Register it as
 * {@code @RegisterExtension static final StartedPlatform PLATFORM = new StartedPlatform();}.
 */
final class StartedPlatform implements BeforeAllCallback, AfterAllCallback {

    private final java.util.function.Supplier<Platform.ScaleOut> scaleOut;
    private Platform platform;
    private Gateway gateway;
    private final java.util.Map<String, Gateway> signedIn = new java.util.concurrent.ConcurrentHashMap<>();

    StartedPlatform() {
        this(() -> null);
    }

    /** The platform with a second instance of one service, as the supplier describes it (asked at start). */
    StartedPlatform(java.util.function.Supplier<Platform.ScaleOut> scaleOut) {
        this.scaleOut = scaleOut;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        platform = new Platform(Path.of("..").toAbsolutePath().normalize(), Files.createTempDirectory("kim-e2e-"),
                Ports.free(), scaleOut.get());
        platform.start(quiet());
        gateway = new Gateway(platform.ports().gateway());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (platform != null) {
            platform.stop();
        }
    }

    Platform platform() {
        return platform;
    }

    /** The gateway as no one: for health and the OpenAPI documents. */
    Gateway gateway() {
        return gateway;
    }

    /** The gateway as a demo user (see auth-server's application.yml); tokens are taken once per user. */
    Gateway as(String user) {
        return signedIn.computeIfAbsent(user,
                name -> Gateway.signedIn(platform.ports().gateway(), platform.ports().authServer(), name));
    }

    static PrintStream quiet() {
        return new PrintStream(OutputStream.nullOutputStream());
    }
}
