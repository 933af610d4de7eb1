package de.kim.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One real Kafka broker and one Mongo-wire server per test JVM, started on first use on
 * free ports and shared by every test class of a module, so that each Spring context of a
 * test run does not pay for its own broker. The broker requires sign-in and has the
 * platform's principals and ACLs ({@link KafkaAccess}), with passwords made for this JVM.
 */
public final class EmbeddedInfra {

    private static EmbeddedInfra shared;

    private final KafkaBroker kafka;
    private final KafkaSecrets secrets;
    private final MongoWireServer mongo;

    private EmbeddedInfra(KafkaBroker kafka, KafkaSecrets secrets, MongoWireServer mongo) {
        this.kafka = kafka;
        this.secrets = secrets;
        this.mongo = mongo;
    }

    public static synchronized EmbeddedInfra shared() {
        if (shared == null) {
            try {
                Path logDir = Files.createTempDirectory("kim-kafka-");
                KafkaSecrets secrets = KafkaSecrets.generated();
                KafkaBroker kafka = new KafkaBroker(Ports.freePort(), Ports.freePort(), logDir, secrets).start();
                KafkaAccess.provision(kafka.adminConfig(), secrets, Duration.ofSeconds(60));
                MongoWireServer mongo = new MongoWireServer(Ports.freePort(), null).start();
                shared = new EmbeddedInfra(kafka, secrets, mongo);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    kafka.stop();
                    mongo.stop();
                }, "kim-embedded-infra-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public MongoWireServer mongo() {
        return mongo;
    }

    /**
     * The Spring Boot properties that point one test application context at this
     * infrastructure, with stores of its own: a fresh event store, Mongo database and consumer
     * group, so that no two contexts see each other's data. The event store is an H2 file, or,
     * when {@code KIM_TEST_POSTGRES_URL} is set, a fresh schema on that PostgreSQL server.
     *
     * <p>The context signs in to Kafka as the principal of the service under test
     * ({@code kim.messaging.username}, by default its {@code spring.application.name}), so that
     * its tests run under that service's ACLs; its consumer groups start with that name, as the
     * ACLs require.
     */
    public Map<String, String> springProperties() {
        String name = "kim_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, String> properties = new HashMap<>(Map.of(
                "spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "spring.data.mongodb.uri", mongo.connectionString(),
                "spring.data.mongodb.database", name,
                "spring.kafka.consumer.group-id", "${kim.messaging.username}-" + name,
                "kim.messaging.password", "${kim.test.kafka-passwords.${kim.messaging.username}}",
                "kim.keystore.url", "jdbc:h2:mem:" + name + "_keys;DB_CLOSE_DELAY=-1",
                "kim.keystore.kek", KeyStoreSecrets.TEST_KEK));
        for (KafkaAccess.ServiceAccess service : KafkaAccess.SERVICES) {
            properties.put("kim.test.kafka-passwords." + service.principal(), secrets.password(service.principal()));
        }
        properties.putAll(TestEventStore.fresh(name));
        return properties;
    }
}
