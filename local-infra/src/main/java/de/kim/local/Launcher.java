package de.kim.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The entry point behind {@code ./kim}: {@code start}, {@code stop} and {@code status} of the
 * local platform, and the two infrastructure processes it starts ({@code kafka}, {@code mongo}).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws InterruptedException {
        String command = args.length == 0 ? "help" : args[0];
        Path home = Path.of(System.getProperty("kim.home", "."));
        Path data = Path.of(System.getProperty("kim.data", home.resolve("data").toString()));
        switch (command) {
            case "start" -> {
                Platform platform = new Platform(home, data, Ports.defaults());
                System.out.println("Starting KIM (data in " + platform.dataDir() + ") ...");
                try {
                    platform.start(System.out);
                } catch (IllegalStateException e) {
                    System.err.println("Start failed: " + e.getMessage());
                    System.exit(1);
                }
                platform.startSupervisor();
                platform.printWhereToGo(System.out);
            }
            case "stop" -> {
                Platform platform = new Platform(home, data, Ports.defaults());
                platform.stop();
                System.out.println("KIM stopped. Data stays in " + platform.dataDir());
            }
            case "status" -> new Platform(home, data, Ports.defaults()).printStatus(System.out);
            case "kafka" -> runUntilStopped(new KafkaBroker(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                    Path.of(args[3]), KafkaSecrets.in(Path.of(args[4]))).start());
            case "mongo" -> runUntilStopped(new MongoWireServer(Integer.parseInt(args[1]), Path.of(args[2])).start());
            case "supervise" -> supervise(new Platform(home, data, ports(args)));
            default -> {
                System.err.println("usage: start | stop | status | kafka <port> <controller-port> <dir> <secrets-dir> | mongo <port> <file> | supervise <ports>");
                System.exit(2);
            }
        }
    }

    /** The supervisor's process: until it is stopped, it restarts what dies, logging to the supervisor's log. */
    private static void supervise(Platform platform) throws InterruptedException {
        Supervisor supervisor = new Supervisor(new Supervisor.Components() {
            @Override
            public java.util.List<String> names() {
                return platform.componentNames();
            }

            @Override
            public boolean alive(String name) {
                return platform.running(name).isPresent();
            }

            @Override
            public boolean live(String name) {
                return platform.live(name);
            }

            @Override
            public void start(String name) {
                platform.startAndAwait(java.util.List.of(name), new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            }

            @Override
            public int tier(String name) {
                return platform.startTier(name);
            }

            @Override
            public void kill(String name) {
                platform.stop(name, true);
            }
        }, java.time.Clock.systemUTC(), System.out);
        Thread loop = new Thread(() -> supervisor.run(java.time.Duration.ofSeconds(2)), "kim-supervisor");
        Runtime.getRuntime().addShutdownHook(new Thread(loop::interrupt, "kim-supervisor-stop"));
        loop.start();
        loop.join();
    }

    private static Ports ports(String[] args) {
        int[] p = java.util.Arrays.stream(args, 1, 11).mapToInt(Integer::parseInt).toArray();
        return new Ports(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9]);
    }

    private static void runUntilStopped(AutoCloseable server) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("stop failed: " + e);
            }
            stopped.countDown();
        }, "kim-infra-stop"));
        stopped.await();
    }
}
