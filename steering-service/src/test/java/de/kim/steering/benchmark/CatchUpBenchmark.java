package de.kim.steering.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kim.contracts.EventType;
import de.kim.contracts.Fixtures;
import de.kim.contracts.Topics;
import de.kim.contracts.cases.CaseClosed;
import de.kim.contracts.cases.CaseOpened;
import de.kim.contracts.cases.GoalAchieved;
import de.kim.contracts.cases.NeedAssessed;
import de.kim.contracts.cases.ReferralMade;
import de.kim.contracts.cases.ThemeTagged;
import de.kim.contracts.partners.ReferralAccepted;
import de.kim.local.EmbeddedInfra;
import de.kim.local.MongoWireServer;
import de.kim.local.Ports;
import de.kim.platform.readmodel.KafkaReadModel;
import de.kim.platform.testing.TestTokens;
import de.kim.steering.messaging.SteeringEventsListener;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * How fast the live listener catches up on records it has not seen (steering's facts fell behind
 * 113 cases/s in the freshness benchmark). Not part of the test suite: run it with
 * {@code mvn -pl steering-service -am -o test -Dkim.test.groups=benchmark -Dkim.test.excluded-groups=none
 * "-Dkim.test.jvm=-Xmx1g" -Dsurefire.failIfNoSpecifiedTests=false -Dtest=CatchUpBenchmark}.
 * The facts live in a Mongo-wire server with a file, so each write waits for its durable commit
 * (fsync) as it does on a workstation. With the listener stopped, it publishes {@code kim.bench.cases}
 * cases (default 1,200, nine records each, about 10,000), starts the listener and measures the
 * time until the stored positions reach the end; figures to {@code target/benchmark-steering-catch-up.txt}.
 */
@Tag("benchmark")
@SpringBootTest
class CatchUpBenchmark {

    private static final Path FILE = tempFile();
    private static final MongoWireServer DURABLE = new MongoWireServer(Ports.freePort(), FILE).start();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
        registry.add("spring.data.mongodb.uri", DURABLE::connectionString);
    }

    @AfterAll
    static void stop() throws Exception {
        DURABLE.close();
        Files.deleteIfExists(FILE);
    }

    @Autowired
    KafkaReadModel facts;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    ObjectMapper json;

    @Test
    void catch_up_speed() throws Exception {
        int cases = Integer.getInteger("kim.bench.cases", 1_200);
        MessageListenerContainer listener = listeners.getListenerContainer(SteeringEventsListener.ID);
        // A first case, so the listener has positions stored before it is stopped.
        long warm = publish(1);
        long from = awaitPositions(warm, Duration.ofSeconds(60));
        listener.stop();
        long published = publish(cases);
        long start = System.nanoTime();
        listener.start();
        // The consumer joins its group before the first poll: timed apart, as it is no part of keeping up.
        long first = awaitPositions(from + 1, Duration.ofMinutes(1));
        long applying = System.nanoTime();
        awaitPositions(from + published, Duration.ofMinutes(20));
        long end = System.nanoTime();
        double seconds = (end - start) / 1e9;
        double afterFirst = (end - applying) / 1e9;
        String out = String.format("caught up on %d records in %.1f s: %.0f records/s; after the first write "
                        + "(%.1f s from the start) %d records in %.1f s: %.0f records/s%n", published, seconds,
                published / seconds, (applying - start) / 1e9, from + published - first, afterFirst,
                (from + published - first) / afterFirst);
        System.out.println(out);
        Files.writeString(Path.of("target", "benchmark-steering-catch-up.txt"), out);
    }

    private long awaitPositions(long atLeast, Duration within) throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < until) {
            long stored = facts.positions().stored().values().stream().mapToLong(Long::longValue).sum();
            if (stored >= atLeast) {
                return stored;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("positions did not reach " + atLeast);
    }

    private long publish(int cases) throws Exception {
        long count = 0;
        Map<String, Object> config = new HashMap<>(EmbeddedInfra.shared().kafka().adminConfig());
        config.putAll(Map.of(ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.ACKS_CONFIG, "1"));
        String[] towns = {"Erkrath", "Haan", "Hilden", "Mettmann", "Velbert"};
        String[] fields = {"LANGUAGE", "TRAINING_WORK", "HOUSING", "FAMILY_CHILDREN"};
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < cases; i++) {
                String c = UUID.randomUUID().toString();
                LocalDate opened = LocalDate.of(2026, 1, 1).plusDays(i % 300);
                String field = fields[i % fields.length];
                int seq = 0;
                send(producer, Topics.CASE, CaseOpened.TYPE, c, seq++, opened, Map.of("caseId", c,
                        "town", towns[i % towns.length], "targetGroup", "NEWLY_ARRIVED", "accessRoute", "JOBCENTER",
                        "assignee", "cm-" + (i % 40), "openedOn", opened.toString()));
                for (int n = 0; n < 3; n++) {
                    send(producer, Topics.CASE, NeedAssessed.TYPE, c, seq++, opened, Map.of("caseId", c,
                            "needId", c + "-n" + n, "fieldOfAction", fields[(i + n) % fields.length], "priority", "HIGH"));
                }
                String referral = c + "-r";
                send(producer, Topics.CASE, ReferralMade.TYPE, c, seq++, opened.plusDays(5), Map.of("caseId", c,
                        "referralId", referral, "partnerId", "p" + (i % 25), "offerId", "o" + (i % 50),
                        "needId", c + "-n0", "fieldOfAction", field, "madeOn", opened.plusDays(5).toString()));
                send(producer, Topics.PARTNER, ReferralAccepted.TYPE, "p" + (i % 25), i, opened.plusDays(8),
                        Map.of("referralId", referral, "caseId", c, "partnerId", "p" + (i % 25), "offerId", "o" + (i % 50)));
                send(producer, Topics.CASE, ThemeTagged.TYPE, c, seq++, opened.plusDays(9), Map.of("caseId", c,
                        "themeCode", "NO_AFFORDABLE_HOUSING"));
                send(producer, Topics.CASE, GoalAchieved.TYPE, c, seq++, opened.plusDays(90), Map.of("caseId", c,
                        "goalId", c + "-g", "fieldOfAction", field, "achievedOn", opened.plusDays(90).toString()));
                send(producer, Topics.CASE, CaseClosed.TYPE, c, seq++, opened.plusDays(120), Map.of("caseId", c,
                        "outcome", "GOALS_REACHED", "closedOn", opened.plusDays(120).toString()));
                count += 9;
            }
            producer.flush();
        }
        return count;
    }

    private void send(KafkaProducer<String, String> producer, String topic, EventType type, String key, long sequence,
                      LocalDate day, Map<String, Object> data) throws Exception {
        ObjectNode envelope = (ObjectNode) json.readTree(Fixtures.json(type));
        envelope.put("id", UUID.randomUUID().toString()).put("aggregateId", key).put("sequence", sequence)
                .put("time", day.atTime(10, 0).toInstant(java.time.ZoneOffset.UTC).toString());
        ObjectNode payload = (ObjectNode) envelope.path("data");
        data.forEach((k, v) -> payload.set(k, json.valueToTree(v)));
        producer.send(new ProducerRecord<>(topic, key, json.writeValueAsString(envelope)));
    }

    private static Path tempFile() {
        try {
            Path directory = Files.createTempDirectory("kim-catch-up");
            return directory.resolve("facts.mv.db");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
