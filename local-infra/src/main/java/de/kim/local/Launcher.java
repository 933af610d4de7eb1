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
            default -> {
                System.err.println("usage: start | stop | status | kafka <port> <controller-port> <dir> <secrets-dir> | mongo <port> <file>");
                System.exit(2);
            }
        }
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
