package de.kim.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole local platform as separate processes: the Kafka broker, the Mongo-wire server,
 * the four services and the gateway. {@code ./kim start} and the end-to-end tests both start
 * it through this class, so the tests prove the start command.
 */
public final class Platform {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);

    private final Path home;
    private final Path dataDir;
    private final Ports ports;
    private final ScaleOut scaleOut;
    private final KafkaSecrets kafkaSecrets;
    private final KeyStoreSecrets keyStoreSecrets;
    private final Map<String, Component> components = new LinkedHashMap<>();
    private final Processes processes;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * A second instance of one service beside the first ({@code <service>-2}), both with the
     * environment given (a shared event store, segments), the gateway balancing between them;
     * {@code everyService}: settings of every service (a key store they share on a server, as in
     * production, so that no instance's death takes it away from the others).
     */
    public record ScaleOut(String service, int secondPort, Map<String, String> env, Map<String, String> everyService) {
    }

    public Platform(Path home, Path dataDir, Ports ports) {
        this(home, dataDir, ports, null);
    }

    public Platform(Path home, Path dataDir, Ports ports, ScaleOut scaleOut) {
        this.home = home.toAbsolutePath().normalize();
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.ports = ports;
        this.scaleOut = scaleOut;
        this.kafkaSecrets = KafkaSecrets.in(kafkaSecretsDir());
        this.keyStoreSecrets = KeyStoreSecrets.in(this.dataDir.resolve("secrets").resolve("keystore"));
        this.processes = new Processes(this.home, this.dataDir);
        define();
    }

    public Ports ports() {
        return ports;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Client settings that sign in to the platform's broker as {@code kim-admin}: for tests and tools, never services. */
    public Map<String, Object> kafkaAdminConfig() {
        return KafkaAccess.clientConfig("localhost:" + ports.kafka(), KafkaAccess.ADMIN,
                kafkaSecrets.password(KafkaAccess.ADMIN));
    }

    public Path logFile(String component) {
        return processes.logFile(component);
    }

    private static final List<String> INFRASTRUCTURE = List.of("kafka", "mongo", "auth-server");

    /** Starts every component that is not running yet and waits until all are ready: tier by tier, each tier at once. */
    public void start(PrintStream out) {
        DataDirectory.restrict(dataDir);
        startAndAwait(INFRASTRUCTURE, out);
        startAndAwait(components.keySet().stream().filter(name -> startTier(name) == 1).toList(), out);
        startAndAwait(List.of("gateway"), out);
    }

    /** 0 for the infrastructure, 1 for the services and the web front end, 2 for the gateway in front of them. */
    int startTier(String name) {
        if (INFRASTRUCTURE.contains(name)) {
            return 0;
        }
        return name.equals("gateway") ? 2 : 1;
    }

    /** Starts the named components (if not running) and waits until they are ready. */
    public void startAndAwait(List<String> names, PrintStream out) {
        for (String name : names) {
            if (running(name).isEmpty()) {
                processes.launch(component(name));
            }
        }
        for (String name : names) {
            processes.awaitReady(component(name));
            if (name.equals("kafka")) {
                // Before any service connects: their principals, the topics and the ACLs (again after a
                // restart, which changes nothing but a password file that was replaced).
                KafkaAccess.provision(kafkaAdminConfig(), kafkaSecrets, READY_TIMEOUT);
            }
            out.printf("  %-28s ready on port %d%n", name, component(name).port());
        }
    }

    /** Stops every component, the gateway first and the infrastructure last. */
    public void stop() {
        stopSupervisor();
        List<String> names = new ArrayList<>(components.keySet());
        java.util.Collections.reverse(names);
        for (String name : names) {
            stop(name, false);
        }
    }

    /** Stops one component: gracefully, or by killing it outright as a crash would. */
    public void stop(String name, boolean kill) {
        running(name).ifPresent(process -> {
            if (kill) {
                process.destroyForcibly();
            } else {
                process.destroy();
            }
            try {
                process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        });
        try {
            Files.deleteIfExists(processes.pidFile(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<ProcessHandle> running(String name) {
        return processes.running(name);
    }

    public void printStatus(PrintStream out) {
        for (Component c : components.values()) {
            out.printf("  %-28s %s%n", c.name(), running(c.name()).map(p -> "running (pid " + p.pid() + ")").orElse("stopped"));
        }
        out.printf("  %-28s %s%n", SUPERVISOR, running(SUPERVISOR)
                .map(p -> "running (pid " + p.pid() + "), restarts what dies; log " + logFile(SUPERVISOR))
                .orElse("stopped: nothing restarts a component that dies"));
    }

    static final String SUPERVISOR = "supervisor";

    /**
     * Leaves the supervisor running ({@link Supervisor}): a process of the launcher jar that
     * starts again every component that dies, as a container orchestrator would. Its pid file is
     * {@code run/supervisor.pid}, its log {@code logs/supervisor.log} in the data directory.
     */
    public void startSupervisor() {
        if (running(SUPERVISOR).isPresent()) {
            return;
        }
        List<String> command = new ArrayList<>(processes.java(SUPERVISOR, "64m", processes.jar("local-infra"), "supervise",
                String.valueOf(ports.gateway()), String.valueOf(ports.caseService()), String.valueOf(ports.partnerService()),
                String.valueOf(ports.immigrationOfficeService()), String.valueOf(ports.steeringService()),
                String.valueOf(ports.web()), String.valueOf(ports.authServer()), String.valueOf(ports.kafka()),
                String.valueOf(ports.kafkaController()), String.valueOf(ports.mongo())));
        command.add(2, "-Dkim.home=" + home);
        command.add(3, "-Dkim.data=" + dataDir);
        processes.launch(new Component(SUPERVISOR, 0, false, command, Map.of()));
    }

    /** Stops the supervisor: before the components are stopped, so that it does not start them again. */
    public void stopSupervisor() {
        stop(SUPERVISOR, false);
    }

    /**
     * Adds JVM options to one component's command line (after the launcher's own, so a repeated
     * option such as {@code -Xmx} is the one given here): for tests that need one process under
     * pressure. The supervisor starts a component again with the launcher's options only.
     */
    public void javaOptions(String name, String... options) {
        Component c = component(name);
        List<String> command = new ArrayList<>(c.command());
        command.addAll(command.indexOf("-jar"), List.of(options));
        components.put(name, new Component(c.name(), c.port(), c.http(), command, c.env()));
    }

    /** The components in start order, for the supervisor. */
    List<String> componentNames() {
        return List.copyOf(components.keySet());
    }

    /** Whether a running service answers its liveness check; infrastructure counts as live while it runs. */
    boolean live(String name) {
        Component c = component(name);
        if (!c.http()) {
            return true;
        }
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + c.port() + "/actuator/health/liveness"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public void printWhereToGo(PrintStream out) {
        out.println();
        out.println("KIM is running.");
        out.println("  Web front end:             http://localhost:" + ports.gateway() + "/   (sign in e.g. as leitung.mettmann / demo)");
        out.println("  Gateway (all APIs):        http://localhost:" + ports.gateway() + "/api/...");
        out.println("  Gateway health:            http://localhost:" + ports.gateway() + "/actuator/health");
        out.println("  Sign-in (OpenID Connect):  http://localhost:" + ports.authServer()
                + "  demo users e.g. leitung.mettmann, password demo (see README)");
        out.println("  OpenAPI / Swagger UI:");
        out.println("    case-service             http://localhost:" + ports.caseService() + "/swagger-ui.html");
        out.println("    partner-service          http://localhost:" + ports.partnerService() + "/swagger-ui.html");
        out.println("    immigration-office       http://localhost:" + ports.immigrationOfficeService() + "/swagger-ui.html");
        out.println("    steering-service         http://localhost:" + ports.steeringService() + "/swagger-ui.html");
        out.println("  Kafka:                     localhost:" + ports.kafka() + "   (SASL/SCRAM-SHA-512; tools sign in as "
                + KafkaAccess.ADMIN + ", password in " + kafkaSecretsDir().resolve(KafkaAccess.ADMIN + ".password") + ")");
        out.println("  MongoDB (wire protocol):   mongodb://127.0.0.1:" + ports.mongo());
        out.println("  Data:                      " + dataDir);
        out.println("  Logs:                      " + dataDir.resolve("logs"));
        out.println("Stop with ./kim stop");
    }

    private void define() {
        String kafkaBootstrap = "localhost:" + ports.kafka();
        String mongoUri = "mongodb://127.0.0.1:" + ports.mongo();
        Path infraJar = processes.jar("local-infra");
        add(new Component("kafka", ports.kafka(), false,
                processes.java("kafka", "512m", infraJar, "kafka", String.valueOf(ports.kafka()),
                        String.valueOf(ports.kafkaController()), dataDir.resolve("kafka").toString(),
                        kafkaSecretsDir().toString()), Map.of()));
        // The Mongo-wire server holds each find's whole result in its heap (a steering figure reads the
        // facts of a tenant or of one of its towns) beside its 128 MB page cache (MongoWireServer.PAGE_CACHE_MB):
        // the heap is sized for both under load (docs/BENCHMARKS.md).
        add(new Component("mongo", ports.mongo(), false,
                processes.java("mongo", "640m", infraJar, "mongo", String.valueOf(ports.mongo()),
                        dataDir.resolve("mongo").resolve("kim.mv").toString()), Map.of()));
        String issuer = "http://localhost:" + ports.authServer();
        service("auth-server", ports.authServer(), Map.of(
                "KIM_DATA_DIR", dataDir.toString(),
                "KIM_OIDC_ISSUER", issuer,
                "KIM_AUTH_DEMO_USERS", "true",
                "KIM_WEB_REDIRECT_URI", "http://localhost:" + ports.gateway() + "/login/oauth2/code/kim"));
        // Every service gets the key store's password and key-encryption key; those that never open
        // the key store (steering) do not read them.
        Map<String, String> serviceEnv = new LinkedHashMap<>(Map.of(
                "KIM_DATA_DIR", dataDir.toString(),
                "KIM_KAFKA_BOOTSTRAP", kafkaBootstrap,
                "KIM_MONGO_URI", mongoUri,
                "KIM_OIDC_ISSUER", issuer,
                "KIM_KEYSTORE_PASSWORD", keyStoreSecrets.password(),
                "KIM_KEYSTORE_KEK_FILE", keyStoreSecrets.kekFile().toString()));
        if (scaleOut != null) {
            serviceEnv.putAll(scaleOut.everyService());
        }
        // case-service gathers a client's self-disclosure from the other services' audit trails.
        Map<String, String> caseEnv = new LinkedHashMap<>(serviceEnv);
        caseEnv.put("KIM_PARTNER_SERVICE_URL", "http://localhost:" + ports.partnerService());
        caseEnv.put("KIM_IMMIGRATION_OFFICE_SERVICE_URL", "http://localhost:" + ports.immigrationOfficeService());
        service("case-service", ports.caseService(), scaled("case-service", kafkaSignIn("case-service", caseEnv)));
        service("partner-service", ports.partnerService(),
                scaled("partner-service", kafkaSignIn("partner-service", serviceEnv)));
        service("immigration-office-service", ports.immigrationOfficeService(),
                scaled("immigration-office-service", kafkaSignIn("immigration-office-service", serviceEnv)));
        service("steering-service", ports.steeringService(),
                scaled("steering-service", kafkaSignIn("steering-service", serviceEnv)), "512m");
        service("web", ports.web(), Map.of(
                "KIM_OIDC_ISSUER", issuer,
                "KIM_GATEWAY_URL", "http://localhost:" + ports.gateway()));
        Map<String, String> gatewayEnv = new LinkedHashMap<>();
        gatewayEnv.put("KIM_WEB_URL", "http://localhost:" + ports.web());
        if (scaleOut != null) {
            int first = components.get(scaleOut.service()).port();
            add(new Component(scaleOut.service() + "-2", scaleOut.secondPort(), true,
                    processes.java(scaleOut.service() + "-2", "256m", processes.jar(scaleOut.service())),
                    withPort(scaled(scaleOut.service(), kafkaSignIn(scaleOut.service(),
                            scaleOut.service().equals("case-service") ? caseEnv : serviceEnv)), scaleOut.secondPort())));
            gatewayEnv.put("SPRING_APPLICATION_JSON", "{\"spring\":{\"cloud\":{\"discovery\":{\"client\":{\"simple\":"
                    + "{\"instances\":{\"" + scaleOut.service() + "\":[{\"uri\":\"http://localhost:" + first + "\"},"
                    + "{\"uri\":\"http://localhost:" + scaleOut.secondPort() + "\"}]}}}}}}}");
        }
        gatewayEnv.putAll(Map.of(
                "KIM_OIDC_ISSUER", issuer,
                "KIM_CORS_ORIGINS", "http://localhost:" + ports.gateway(),
                "KIM_CASE_SERVICE_URL", "http://localhost:" + ports.caseService(),
                "KIM_PARTNER_SERVICE_URL", "http://localhost:" + ports.partnerService(),
                "KIM_IMMIGRATION_OFFICE_SERVICE_URL", "http://localhost:" + ports.immigrationOfficeService(),
                "KIM_STEERING_SERVICE_URL", "http://localhost:" + ports.steeringService()));
        service("gateway", ports.gateway(), gatewayEnv);
    }

    private Map<String, String> scaled(String service, Map<String, String> env) {
        if (scaleOut == null || !scaleOut.service().equals(service)) {
            return env;
        }
        Map<String, String> all = new LinkedHashMap<>(env);
        all.putAll(scaleOut.env());
        return all;
    }

    /** The service's environment with its own Kafka password (its principal is its application name). */
    private Map<String, String> kafkaSignIn(String service, Map<String, String> env) {
        Map<String, String> all = new LinkedHashMap<>(env);
        all.put("KIM_KAFKA_PASSWORD", kafkaSecrets.password(service));
        return all;
    }

    private Path kafkaSecretsDir() {
        return dataDir.resolve("secrets").resolve("kafka");
    }

    private static Map<String, String> withPort(Map<String, String> env, int port) {
        Map<String, String> all = new LinkedHashMap<>(env);
        all.put("SERVER_PORT", String.valueOf(port));
        return all;
    }

    private void service(String name, int port, Map<String, String> env) {
        service(name, port, env, "256m");
    }

    /** A service process; steering gets more heap, as a rebuild replays the topics in memory. */
    private void service(String name, int port, Map<String, String> env, String heap) {
        Map<String, String> all = new LinkedHashMap<>(env);
        all.put("SERVER_PORT", String.valueOf(port));
        add(new Component(name, port, true, processes.java(name, heap, processes.jar(name)), all));
    }

    private void add(Component component) {
        components.put(component.name(), component);
    }

    private Component component(String name) {
        Component c = components.get(name);
        if (c == null) {
            throw new IllegalArgumentException("unknown component " + name);
        }
        return c;
    }

}
