package de.kim.steering.benchmark;

import de.kim.platform.testing.TestTokens;
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
import de.kim.platform.readmodel.KafkaReadModel;
import de.kim.platform.readmodel.RebuildReport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * The steering rebuild benchmark (issue: at least 20,000 events per second on our 2-core
 * machines). Not part of the test suite: run it with
 * {@code mvn -pl steering-service -am -o test -Dkim.test.groups=benchmark -Dsurefire.failIfNoSpecifiedTests=false -Dtest=RebuildBenchmark}.
 * It publishes a synthetic history of {@code kim.bench.cases} cases (default 20,000, about
 * 10 events each) to the embedded broker, rebuilds the facts from the topics three times and
 * writes the figures to {@code target/benchmark-steering-rebuild.txt}.
 */
@Tag("benchmark")
@SpringBootTest
class RebuildBenchmark {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Autowired
    KafkaReadModel rebuild;
    @Autowired
    ObjectMapper json;

    @Test
    void rebuild_speed() throws Exception {
        int cases = Integer.getInteger("kim.bench.cases", 20_000);
        long published = publishHistory(cases);
        StringBuilder out = new StringBuilder();
        out.append("published events: ").append(published).append('\n');
        for (int run = 1; run <= 3; run++) {
            RebuildReport report = rebuild.rebuild();
            out.append("run ").append(run).append(": ").append(report).append('\n');
        }
        System.out.println(out);
        Files.writeString(Path.of("target", "benchmark-steering-rebuild.txt"), out);
    }

    private long publishHistory(int cases) throws Exception {
        long count = 0;
        Map<String, Object> config = new java.util.HashMap<>(EmbeddedInfra.shared().kafka().adminConfig());
        config.putAll(Map.of(ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
                ProducerConfig.ACKS_CONFIG, "1"));
        String[] towns = {"Erkrath", "Haan", "Heiligenhaus", "Hilden", "Langenfeld", "Mettmann", "Monheim am Rhein",
                "Ratingen", "Velbert", "Wülfrath"};
        String[] fields = {"LANGUAGE", "TRAINING_WORK", "HOUSING", "FAMILY_CHILDREN"};
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < cases; i++) {
                String c = UUID.randomUUID().toString();
                LocalDate opened = LocalDate.of(2025, 1, 1).plusDays(i % 600);
                String town = towns[i % towns.length];
                String field = fields[i % fields.length];
                int seq = 0;
                send(producer, Topics.CASE, CaseOpened.TYPE, c, seq++, opened, Map.of("caseId", c, "town", town,
                        "targetGroup", "NEWLY_ARRIVED", "accessRoute", "JOBCENTER", "assignee", "cm-" + (i % 40),
                        "openedOn", opened.toString()));
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
}
