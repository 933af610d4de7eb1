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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The whole platform as {@code ./kim start} runs it (separate processes, free ports, a data
 * directory of its own). A test class that stops, kills or rearranges processes gets one of its
 * own ({@code new StartedPlatform()}), stopped after it; classes that only use the platform share
 * one for the test run ({@link #shared()}), which saves a start of every process per class:
 * {@code @RegisterExtension static final StartedPlatform PLATFORM = StartedPlatform.shared();}.
 */
final class StartedPlatform implements BeforeAllCallback, AfterAllCallback {

    private final Supplier<Platform.ScaleOut> scaleOut;
    private final boolean shared;
    private Platform platform;
    private Gateway gateway;
    private final Map<String, Gateway> signedIn = new ConcurrentHashMap<>();

    StartedPlatform() {
        this(() -> null);
    }

    /** The platform with a second instance of one service, as the supplier describes it (asked at start). */
    StartedPlatform(Supplier<Platform.ScaleOut> scaleOut) {
        this(scaleOut, false);
    }

    private StartedPlatform(Supplier<Platform.ScaleOut> scaleOut, boolean shared) {
        this.scaleOut = scaleOut;
        this.shared = shared;
    }

    /** The one platform the test run shares, started by the first class that needs it, stopped at the end of the run. */
    static StartedPlatform shared() {
        return new StartedPlatform(() -> null, true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (shared) {
            platform = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent("kim-shared-platform", key -> new Running(start(null)), Running.class).platform();
        } else {
            platform = start(scaleOut.get());
        }
        gateway = new Gateway(platform.ports().gateway());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (platform != null && !shared) {
            platform.stop();
        }
    }

    /** Starts every process; if one does not come up, stops those that did before failing. */
    private static Platform start(Platform.ScaleOut scaleOut) {
        Platform platform;
        try {
            platform = new Platform(Path.of("..").toAbsolutePath().normalize(),
                    Files.createTempDirectory("kim-e2e-"), Ports.free(), scaleOut);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try {
            platform.start(quiet());
            return platform;
        } catch (RuntimeException failed) {
            platform.stop();
            throw failed;
        }
    }

    /** The shared platform, stopped when the test run's root context closes. */
    private record Running(Platform platform) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
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
