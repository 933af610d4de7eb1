package de.kim.local;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker in KRaft mode (broker and controller in one), started from
 * Kafka's own classes. Its log directory survives a stop, so topics, consumer offsets, SCRAM
 * credentials and ACLs are still there after a restart on the same directory.
 *
 * <p>Every client signs in: the client listener takes SASL/SCRAM-SHA-512 only, and the
 * {@code StandardAuthorizer} allows nothing that no ACL allows ({@link KafkaAccess} has the
 * table). The controller listener takes SASL/PLAIN with one user, the broker itself
 * ({@code kim-broker}, password from {@link KafkaSecrets}): SCRAM credentials live in the cluster
 * metadata the controller serves, so the controller cannot use them to sign in its own broker.
 * The admin's and the broker's SCRAM credentials are written when the storage is formatted
 * ({@code --add-scram}), so that the admin can sign in from the first start on; a log directory
 * formatted before Kafka required sign-in gets them once, through a start in which the client
 * listener also takes PLAIN for the admin alone.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String PLAIN_LOGIN = "org.apache.kafka.common.security.plain.PlainLoginModule";
    private static final String SCRAM_LOGIN = "org.apache.kafka.common.security.scram.ScramLoginModule";

    private final int port;
    private final int controllerPort;
    private final Path logDir;
    private final KafkaSecrets secrets;
    private KafkaRaftServer server;

    public KafkaBroker(int port, int controllerPort, Path logDir, KafkaSecrets secrets) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDir = logDir;
        this.secrets = secrets;
    }

    public synchronized KafkaBroker start() {
        if (server != null) {
            return this;
        }
        Properties props = brokerProperties();
        if (formatStorageOnce(props)) {
            writeSignInMarker();
        } else if (!Files.exists(signInMarker())) {
            addCredentialsToStorageFormattedWithout();
        }
        server = new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM);
        server.startup();
        return this;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Client settings that sign in as {@code kim-admin}, the super user of the launcher and the test tooling. */
    public Map<String, Object> adminConfig() {
        return clientConfig(KafkaAccess.ADMIN);
    }

    /** Client settings that sign in as one principal of {@link KafkaAccess#PRINCIPALS}. */
    public Map<String, Object> clientConfig(String principal) {
        return KafkaAccess.clientConfig(bootstrapServers(), principal, secrets.password(principal));
    }

    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private Properties brokerProperties() {
        String brokerPassword = secrets.password(KafkaAccess.BROKER);
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.put("listeners", "CLIENT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "CLIENT://localhost:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        p.put("inter.broker.listener.name", "CLIENT");
        // Clients: SCRAM only, whose credentials the admin keeps in the cluster metadata.
        p.put("listener.name.client.sasl.enabled.mechanisms", KafkaAccess.MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", KafkaAccess.MECHANISM);
        p.put("listener.name.client.scram-sha-512.sasl.jaas.config",
                KafkaAccess.jaas(SCRAM_LOGIN, KafkaAccess.BROKER, brokerPassword));
        // Controller: PLAIN with the broker as its only user (username/password is also how the broker signs in there).
        p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name.controller.plain.sasl.jaas.config", PLAIN_LOGIN + " required username=\""
                + KafkaAccess.BROKER + "\" password=\"" + brokerPassword + "\" user_" + KafkaAccess.BROKER + "=\""
                + brokerPassword + "\";");
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("super.users", "User:" + KafkaAccess.BROKER + ";User:" + KafkaAccess.ADMIN);
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("num.partitions", String.valueOf(KafkaAccess.PARTITIONS));
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // The topics are the source a read model is rebuilt from: keep them.
        p.put("log.retention.ms", "-1");
        // Topics exist because the admin (or their own service) made them, never because of a typo.
        p.put("auto.create.topics.enable", "false");
        return p;
    }

    /**
     * A log directory formatted before Kafka required sign-in has no SCRAM credentials, and the
     * admin could not sign in to add them: one start in which the client listener also takes PLAIN,
     * with the admin as its only user, sets them; then the broker stops and starts as always.
     */
    private void addCredentialsToStorageFormattedWithout() {
        Properties props = brokerProperties();
        String adminPassword = secrets.password(KafkaAccess.ADMIN);
        props.put("listener.name.client.sasl.enabled.mechanisms", KafkaAccess.MECHANISM + ",PLAIN");
        props.put("listener.name.client.plain.sasl.jaas.config", PLAIN_LOGIN + " required user_" + KafkaAccess.ADMIN
                + "=\"" + adminPassword + "\";");
        KafkaRaftServer once = new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM);
        once.startup();
        try {
            Map<String, Object> config = Map.of(
                    CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                    CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                    SaslConfigs.SASL_MECHANISM, "PLAIN",
                    SaslConfigs.SASL_JAAS_CONFIG, KafkaAccess.jaas(PLAIN_LOGIN, KafkaAccess.ADMIN, adminPassword),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (true) {
                try (Admin admin = Admin.create(config)) {
                    admin.alterUserScramCredentials(List.of(upsert(KafkaAccess.ADMIN), upsert(KafkaAccess.BROKER)))
                            .all().get(15, TimeUnit.SECONDS);
                    break;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                } catch (Exception e) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("could not add the Kafka admin's credentials: " + e, e);
                    }
                    pause();
                }
            }
            writeSignInMarker();
        } finally {
            once.shutdown();
            once.awaitShutdown();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Present once the cluster metadata holds the admin's and the broker's SCRAM credentials. */
    private Path signInMarker() {
        return logDir.resolve("kim-scram-credentials");
    }

    private void writeSignInMarker() {
        try {
            Files.writeString(signInMarker(), "the cluster metadata holds the SCRAM credentials of "
                    + KafkaAccess.ADMIN + " and " + KafkaAccess.BROKER + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The formatter's notation; the passwords are URL-safe Base64, nothing in them needs quoting. */
    private String scram(String principal) {
        return KafkaAccess.MECHANISM + "=[name=" + principal + ",password=" + secrets.password(principal) + "]";
    }

    private UserScramCredentialAlteration upsert(String principal) {
        return new UserScramCredentialUpsertion(principal, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192),
                secrets.password(principal));
    }

    /** Formats the storage with the admin's and the broker's SCRAM credentials, unless formatted before. */
    private boolean formatStorageOnce(Properties props) {
        try {
            Files.createDirectories(logDir);
            if (Files.exists(logDir.resolve("meta.properties"))) {
                return false; // formatted before: a new cluster id would not match the stored one
            }
            // The formatter reads the settings from a file: one without the passwords, gone afterwards.
            Properties withoutSecrets = new Properties();
            props.stringPropertyNames().stream().filter(key -> !key.endsWith("sasl.jaas.config"))
                    .forEach(key -> withoutSecrets.put(key, props.getProperty(key)));
            Path config = logDir.resolve("kim-broker.properties");
            try (Writer out = Files.newBufferedWriter(config)) {
                withoutSecrets.store(out, "written by the KIM launcher to format the storage");
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int exit;
            try {
                exit = StorageTool.execute(new String[]{"format", "-t", Uuid.randomUuid().toString(),
                        "-c", config.toString(), "--add-scram", scram(KafkaAccess.ADMIN), "--add-scram",
                        scram(KafkaAccess.BROKER)}, new PrintStream(output, true, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(config);
            }
            if (exit != 0) {
                throw new IllegalStateException("formatting Kafka storage failed: " + output.toString(StandardCharsets.UTF_8));
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
