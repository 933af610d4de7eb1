package de.kim.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerTest {

    @TempDir
    Path dataDir;

    @Test
    void records_and_sign_in_survive_a_stop_and_start_of_the_broker() throws Exception {
        int port = Ports.freePort();
        int controller = Ports.freePort();
        Path logDir = dataDir.resolve("kafka");
        Path secretsDir = dataDir.resolve("secrets").resolve("kafka");
        try (KafkaBroker broker = new KafkaBroker(port, controller, logDir, KafkaSecrets.in(secretsDir)).start()) {
            try (Admin admin = Admin.create(broker.adminConfig())) {
                admin.createTopics(List.of(new NewTopic("kim.test.v1", 1, (short) 1))).all().get();
            }
            try (KafkaProducer<String, String> producer = producer(broker)) {
                producer.send(new ProducerRecord<>("kim.test.v1", "case-1", "opened")).get();
            }
        }
        // A second start reads the same passwords, which the broker still knows.
        try (KafkaBroker broker = new KafkaBroker(port, controller, logDir, KafkaSecrets.in(secretsDir)).start()) {
            assertThat(readAll(broker, "kim.test.v1")).containsExactly("case-1=opened");
        }
    }

    @Test
    void a_log_directory_from_before_sign_in_keeps_its_records_and_gets_the_admin() throws Exception {
        int port = Ports.freePort();
        int controller = Ports.freePort();
        Path logDir = dataDir.resolve("kafka");
        // The broker as it was: plaintext, no authorizer, formatted without credentials.
        Properties old = new Properties();
        old.putAll(Map.of("process.roles", "broker,controller", "node.id", "1",
                "controller.quorum.voters", "1@localhost:" + controller,
                "listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controller,
                "advertised.listeners", "PLAINTEXT://localhost:" + port, "controller.listener.names", "CONTROLLER",
                "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name", "PLAINTEXT", "log.dirs", logDir.toString(),
                "offsets.topic.replication.factor", "1"));
        Files.createDirectories(logDir);
        Path config = dataDir.resolve("old-broker.properties");
        try (var out = Files.newBufferedWriter(config)) {
            old.store(out, null);
        }
        assertThat(kafka.tools.StorageTool.execute(new String[]{"format", "-t", org.apache.kafka.common.Uuid.randomUuid()
                .toString(), "-c", config.toString()}, System.out)).isZero();
        kafka.server.KafkaRaftServer oldBroker = new kafka.server.KafkaRaftServer(kafka.server.KafkaConfig.fromProps(old),
                org.apache.kafka.common.utils.Time.SYSTEM);
        oldBroker.startup();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("kim.test.v1", "case-1", "opened before")).get();
        } finally {
            oldBroker.shutdown();
            oldBroker.awaitShutdown();
        }

        try (KafkaBroker broker = new KafkaBroker(port, controller, logDir,
                KafkaSecrets.in(dataDir.resolve("secrets"))).start()) {
            assertThat(readAll(broker, "kim.test.v1")).containsExactly("case-1=opened before");
        }
    }

    @Test
    void the_passwords_are_made_once_and_readable_by_their_owner_only() throws Exception {
        Path secretsDir = dataDir.resolve("secrets").resolve("kafka");
        KafkaSecrets first = KafkaSecrets.in(secretsDir);
        KafkaSecrets again = KafkaSecrets.in(secretsDir);

        for (String principal : KafkaAccess.PRINCIPALS) {
            assertThat(again.password(principal)).isEqualTo(first.password(principal)).hasSizeGreaterThanOrEqualTo(32);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    secretsDir.resolve(principal + ".password")))).isEqualTo("rw-------");
        }
        assertThat(first.password("case-service")).isNotEqualTo(first.password("partner-service"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretsDir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretsDir.getParent())))
                .isEqualTo("rwx------");
    }

    private static KafkaProducer<String, String> producer(KafkaBroker broker) {
        Map<String, Object> config = new HashMap<>(broker.adminConfig());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static List<String> readAll(KafkaBroker broker, String topic) {
        List<String> seen = new ArrayList<>();
        Map<String, Object> config = new HashMap<>(broker.adminConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (seen.isEmpty() && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(r.key() + "=" + r.value());
                }
            }
        }
        return seen;
    }
}
