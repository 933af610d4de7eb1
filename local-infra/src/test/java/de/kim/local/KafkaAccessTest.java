package de.kim.local;

import de.kim.contracts.Topics;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The embedded broker as a trust boundary: nobody without the platform's credentials reaches a
 * {@code kim.*} topic, and each service's principal may write only its own topic (and the
 * dead-letter topics of what it consumes) and read only what it consumes.
 */
class KafkaAccessTest {

    private static final List<String> SERVICE_TOPICS = List.of(Topics.CASE, Topics.PARTNER, Topics.IMMIGRATION,
            Topics.REPORTING);

    @TempDir
    static Path logDir;
    static KafkaSecrets secrets;
    static KafkaBroker broker;
    static int controllerPort;

    @BeforeAll
    static void startBrokerWithOneRecordOnEveryTopic() throws Exception {
        secrets = KafkaSecrets.generated();
        controllerPort = Ports.freePort();
        broker = new KafkaBroker(Ports.freePort(), controllerPort, logDir, secrets).start();
        KafkaAccess.provision(broker.adminConfig(), secrets, Duration.ofSeconds(60));
        try (KafkaProducer<String, String> producer = producer(broker.adminConfig())) {
            for (String topic : KafkaAccess.topics()) {
                producer.send(new ProducerRecord<>(topic, "seed", "seeded by the admin")).get(30, TimeUnit.SECONDS);
            }
        }
    }

    @AfterAll
    static void stopBroker() {
        broker.stop();
    }

    @Test
    void the_platform_topics_and_their_dead_letter_topics_exist() throws Exception {
        try (Admin admin = Admin.create(broker.adminConfig())) {
            assertThat(admin.listTopics().names().get()).containsAll(List.of(Topics.CASE, Topics.PARTNER,
                    Topics.IMMIGRATION, Topics.REPORTING, Topics.CASE + ".DLT", Topics.PARTNER + ".DLT",
                    Topics.IMMIGRATION + ".DLT"));
        }
    }

    @Test
    void a_client_without_credentials_can_neither_produce_to_nor_consume_from_any_kim_topic() {
        Map<String, Object> anonymous = new HashMap<>(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers()));
        try (KafkaProducer<String, String> producer = producer(anonymous)) {
            for (String topic : KafkaAccess.topics()) {
                Throwable failure = failureOf(() -> producer.send(new ProducerRecord<>(topic, "k", "forged"))
                        .get(10, TimeUnit.SECONDS));
                assertThat(failure).as("an anonymous send to %s", topic)
                        .isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
            }
        }
        try (KafkaConsumer<String, String> consumer = consumer(anonymous, "anonymous-" + UUID.randomUUID())) {
            consumer.subscribe(Pattern.compile("kim\\..*"));
            assertThat(pollFor(consumer, Duration.ofSeconds(5))).as("records read without credentials").isEmpty();
        }
        // The same reader, signed in as the admin, sees them: the topics do hold records.
        try (KafkaConsumer<String, String> consumer = consumer(broker.adminConfig(), "admin-" + UUID.randomUUID())) {
            consumer.subscribe(Pattern.compile("kim\\..*"));
            assertThat(pollUntil(consumer, records -> records.size() >= KafkaAccess.topics().size(),
                    Duration.ofSeconds(30))).hasSizeGreaterThanOrEqualTo(KafkaAccess.topics().size());
        }
    }

    @Test
    void a_client_with_a_wrong_password_is_refused() {
        Map<String, Object> wrong = KafkaAccess.clientConfig(broker.bootstrapServers(), "case-service",
                KafkaSecrets.newPassword());
        try (KafkaProducer<String, String> producer = producer(wrong)) {
            assertThat(failureOf(() -> producer.send(new ProducerRecord<>(Topics.CASE, "k", "forged")).get(10,
                    TimeUnit.SECONDS))).isInstanceOf(SaslAuthenticationException.class);
        }
        try (KafkaConsumer<String, String> consumer = consumer(wrong, "case-service-" + UUID.randomUUID())) {
            consumer.subscribe(List.of(Topics.PARTNER));
            assertThat(failureOf(() -> pollFor(consumer, Duration.ofSeconds(10))))
                    .isInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void a_service_writes_its_own_topic_and_the_dead_letter_topics_of_what_it_consumes_and_nothing_else() {
        for (KafkaAccess.ServiceAccess service : KafkaAccess.SERVICES) {
            List<String> allowed = new ArrayList<>(List.of(service.publishes()));
            service.consumes().forEach(topic -> allowed.add(topic + ".DLT"));
            try (KafkaProducer<String, String> producer = producer(broker.clientConfig(service.principal()))) {
                for (String topic : KafkaAccess.topics()) {
                    Throwable failure = failureOf(() -> producer.send(new ProducerRecord<>(topic, "k",
                            "written by " + service.principal())).get(10, TimeUnit.SECONDS));
                    if (allowed.contains(topic)) {
                        assertThat(failure).as("%s writing %s", service.principal(), topic).isNull();
                    } else {
                        assertThat(failure).as("%s writing %s", service.principal(), topic)
                                .isInstanceOf(TopicAuthorizationException.class);
                    }
                }
            }
        }
    }

    @Test
    void a_service_reads_what_it_consumes_in_a_group_of_its_own_name_and_nothing_else() {
        for (KafkaAccess.ServiceAccess service : KafkaAccess.SERVICES) {
            Map<String, Object> config = broker.clientConfig(service.principal());
            for (String topic : SERVICE_TOPICS) {
                try (KafkaConsumer<String, String> consumer = consumer(config,
                        service.principal() + "-test-" + UUID.randomUUID())) {
                    consumer.subscribe(List.of(topic));
                    if (service.consumes().contains(topic)) {
                        assertThat(pollUntil(consumer, records -> !records.isEmpty(), Duration.ofSeconds(30)))
                                .as("%s reading %s", service.principal(), topic).isNotEmpty();
                    } else {
                        assertThat(failureOf(() -> pollFor(consumer, Duration.ofSeconds(10))))
                                .as("%s reading %s", service.principal(), topic)
                                .isInstanceOf(TopicAuthorizationException.class);
                    }
                }
            }
        }
    }

    @Test
    void a_service_cannot_use_a_consumer_group_of_another_name() {
        try (KafkaConsumer<String, String> consumer = consumer(broker.clientConfig("case-service"),
                "partner-service-case-events")) {
            consumer.subscribe(List.of(Topics.PARTNER));
            assertThat(failureOf(() -> pollFor(consumer, Duration.ofSeconds(10))))
                    .isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void steering_rebuilds_from_offset_zero_by_assignment() {
        Map<String, Object> config = new HashMap<>(broker.clientConfig("steering-service"));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.CASE, Topics.PARTNER, Topics.IMMIGRATION)) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            assertThat(consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum()).isPositive();
            assertThat(pollUntil(consumer, records -> records.size() >= 3, Duration.ofSeconds(30)))
                    .extracting(ConsumerRecord::topic).contains(Topics.CASE, Topics.PARTNER, Topics.IMMIGRATION);
        }
    }

    @Test
    void a_service_may_declare_its_own_topic_but_not_create_alter_or_delete_another() throws Exception {
        try (Admin admin = Admin.create(broker.clientConfig("case-service"))) {
            assertThat(failureOf(() -> admin.createTopics(List.of(new NewTopic(Topics.CASE, 3, (short) 1)))
                    .all().get())).as("declaring its own, existing topic").isInstanceOf(TopicExistsException.class);
            assertThat(failureOf(() -> admin.createTopics(List.of(new NewTopic("kim.partner.v2", 3, (short) 1)))
                    .all().get())).isInstanceOf(TopicAuthorizationException.class);
            assertThat(failureOf(() -> admin.createPartitions(Map.of(Topics.PARTNER, NewPartitions.increaseTo(6)))
                    .all().get())).isInstanceOf(TopicAuthorizationException.class);
            assertThat(failureOf(() -> admin.deleteTopics(List.of(Topics.PARTNER)).all().get()))
                    .isInstanceOf(TopicAuthorizationException.class);
            assertThat(failureOf(() -> admin.deleteTopics(List.of(Topics.CASE)).all().get()))
                    .as("deleting its own topic").isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void the_controller_listener_refuses_everyone_but_the_broker() {
        Map<String, Object> adminOnController = new HashMap<>(Map.of(
                AdminClientConfig.BOOTSTRAP_CONTROLLERS_CONFIG, "localhost:" + controllerPort,
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, "PLAIN",
                SaslConfigs.SASL_JAAS_CONFIG, KafkaAccess.jaas("org.apache.kafka.common.security.plain.PlainLoginModule",
                        KafkaAccess.ADMIN, secrets.password(KafkaAccess.ADMIN)),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
        try (Admin admin = Admin.create(adminOnController)) {
            assertThat(failureOf(() -> admin.describeCluster().clusterId().get()))
                    .isInstanceOf(SaslAuthenticationException.class);
        }
        Map<String, Object> anonymous = new HashMap<>(Map.of(
                AdminClientConfig.BOOTSTRAP_CONTROLLERS_CONFIG, "localhost:" + controllerPort,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000));
        try (Admin admin = Admin.create(anonymous)) {
            assertThat(failureOf(() -> admin.describeCluster().clusterId().get()))
                    .isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        }
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> base) {
        Map<String, Object> config = new HashMap<>(base);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(Map<String, Object> base, String group) {
        Map<String, Object> config = new HashMap<>(base);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static List<ConsumerRecord<String, String>> pollFor(KafkaConsumer<String, String> consumer, Duration time) {
        return pollUntil(consumer, records -> false, time);
    }

    private static List<ConsumerRecord<String, String>> pollUntil(KafkaConsumer<String, String> consumer,
            java.util.function.Predicate<List<ConsumerRecord<String, String>>> done, Duration timeout) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !done.test(seen)) {
            consumer.poll(Duration.ofMillis(250)).forEach(seen::add);
        }
        return seen;
    }

    private interface Action {
        void run() throws Exception;
    }

    /** What the action threw, unwrapped from the future's ExecutionException; null if it succeeded. */
    private static Throwable failureOf(Action action) {
        try {
            action.run();
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        } catch (Throwable t) {
            return fail("unexpected " + t, t);
        }
    }
}
