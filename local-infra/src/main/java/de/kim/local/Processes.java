package de.kim.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the launcher starts a component as a process of its own and knows it: the JVM's command
 * line, the owner-only log and pid files in the data directory, its own session, and when it is
 * ready (its readiness endpoint, or its port for infrastructure).
 */
final class Processes {

    static final String VERSION = "0.1.0-SNAPSHOT";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);

    private final Path home;
    private final Path dataDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Processes(Path home, Path dataDir) {
        this.home = home;
        this.dataDir = dataDir;
    }

    Path logFile(String component) {
        return dataDir.resolve("logs").resolve(component + ".log");
    }

    Optional<ProcessHandle> running(String name) {
        Path pidFile = pidFile(name);
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains(marker(name))).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    List<String> java(String name, String heap, Path jar, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(marker(name));
        if (jar.equals(jar("local-infra"))) {
            command.add("-Dlogback.configurationFile=kim-infra-logback.xml");
        }
        command.add("-Xmx" + heap);
        command.add("-XX:+UseSerialGC");
        // A young generation of a fifth of the heap, not a third: eden is touched whole between two
        // collections, so it is resident, and the live data of these processes is small.
        command.add("-XX:NewRatio=4");
        // The heap starts small and grows with what the process keeps: by default it starts at its
        // limit (a 64th of the machine's memory is more), and all of it became resident in time. A
        // full collection gives back what is more than 40 % free. Eden starts at 32 MB (an eighth of
        // a smaller heap): smaller, the services collected so often that they served a sixth fewer
        // commands. Measured after two minutes of load: 2,518 MB resident in all instead of 2,893,
        // at the same commands per second (docs/BENCHMARKS.md, "Footprint").
        int heapMb = megabytes(heap);
        command.add("-Xms" + Math.min(heapMb, 64) + "m");
        command.add("-XX:NewSize=" + Math.min(32, heapMb / 8) + "m");
        command.add("-XX:MinHeapFreeRatio=20");
        command.add("-XX:MaxHeapFreeRatio=40");
        command.add("-Xss512k");
        // An OutOfMemoryError leaves a JVM half alive (H2 closes its store, threads are gone, the
        // health endpoint does not answer): the process ends instead, and the supervisor starts it again.
        command.add("-XX:+ExitOnOutOfMemoryError");
        // The quick JIT only (C1): here nine JVMs share the machine, and the optimising compiler
        // (C2) took a third of all CPU for minutes after the start (docs/BENCHMARKS.md). Production
        // containers, a machine's share each, keep the full JIT. KIM_JAVA_OPTS below can override it.
        command.add("-XX:TieredStopAtLevel=1");
        String extra = System.getenv("KIM_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        return command;
    }

    /** A heap size as the launcher writes it ({@code 256m}) in megabytes. */
    private static int megabytes(String heap) {
        if (!heap.endsWith("m")) {
            throw new IllegalArgumentException("heap size not in megabytes: " + heap);
        }
        return Integer.parseInt(heap.substring(0, heap.length() - 1));
    }

    static String marker(String name) {
        return "-Dkim.component=" + name;
    }

    Path jar(String module) {
        return home.resolve(module).resolve("target").resolve(module + "-" + VERSION + "-exec.jar");
    }

    Path pidFile(String name) {
        return dataDir.resolve("run").resolve(name + ".pid");
    }

    void launch(Component c) {
        try {
            DataDirectory.createOwnerOnlyDirectory(dataDir.resolve("logs"));
            DataDirectory.createOwnerOnlyDirectory(dataDir.resolve("run"));
            List<String> command = c.command();
            if (!Files.exists(Path.of(command.get(command.indexOf("-jar") + 1)))) {
                throw new IllegalStateException("not built: " + command.get(command.indexOf("-jar") + 1)
                        + " (run: mvn -DskipTests package)");
            }
            if (Files.isExecutable(Path.of("/bin/sh"))) {
                // Whatever the process writes (stores, logs, Kafka's segments) is readable by its owner only.
                command = new ArrayList<>(command);
                command.addAll(0, List.of("/bin/sh", "-c", "umask 077 && exec \"$@\"", c.name()));
            }
            if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
                // Its own session: a Ctrl-C in the terminal that ran ./kim start does not stop the platform.
                command = new ArrayList<>(command);
                command.add(0, "/usr/bin/setsid");
            }
            DataDirectory.createOwnerOnly(logFile(c.name()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(c.name()).toFile()));
            // glibc gives each thread that allocates natively an arena of its own, up to eight per
            // core; two are enough for these JVMs, whose native allocations are few.
            builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
            builder.environment().putAll(c.env());
            Process process = builder.start();
            DataDirectory.createOwnerOnly(pidFile(c.name()));
            Files.writeString(pidFile(c.name()), String.valueOf(process.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void awaitReady(Component c) {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (running(c.name()).isEmpty()) {
                throw new IllegalStateException(c.name() + " exited during start-up; its log " + logFile(c.name())
                        + " ends with:\n" + tail(logFile(c.name()), 40));
            }
            if (c.http() ? httpReady(c) : portOpen(c.port())) {
                return;
            }
            sleep(250);
        }
        throw new IllegalStateException(c.name() + " not ready after " + READY_TIMEOUT.toSeconds() + " s; its log "
                + logFile(c.name()) + " ends with:\n" + tail(logFile(c.name()), 40));
    }

    private boolean httpReady(Component c) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(c.readinessUrl()))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
