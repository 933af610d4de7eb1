package de.kim.steering.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.kim.contracts.EventType;
import de.kim.contracts.Fixtures;
import de.kim.contracts.Topics;
import de.kim.contracts.cases.CaseClosed;
import de.kim.contracts.cases.CaseHandedOver;
import de.kim.contracts.cases.CaseOpened;
import de.kim.contracts.cases.CaseReopened;
import de.kim.contracts.cases.ClientDataRectified;
import de.kim.contracts.cases.ContactRecorded;
import de.kim.contracts.cases.GoalAchieved;
import de.kim.contracts.cases.NeedAssessed;
import de.kim.contracts.cases.ReferralMade;
import de.kim.contracts.cases.ThemeTagged;
import de.kim.local.EmbeddedInfra;
import de.kim.local.TopicReader;
import de.kim.platform.messaging.EnvelopeCodec;
import de.kim.platform.readmodel.KafkaReadModel;
import de.kim.platform.testing.TestTokens;
import de.kim.steering.query.FactsDatabase;
import de.kim.steering.query.FigureCountStore;
import de.kim.steering.query.SteeringProjection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The listener takes a burst of case records a poll at a time (the same case changed several
 * times in one poll, a malformed record in the middle, an earlier range delivered again) and
 * ends with the facts and counted figures that applying the records one at a time gives; the
 * malformed record is on the dead-letter topic and the records after it are applied.
 * Invented cases only.
 */
@SpringBootTest
class BatchedFactsIntegrationTest {

    private static final String[] TOWNS = {"Velbert", "Hilden", "Haan"};
    private static final String[] FIELDS = {"LANGUAGE", "HOUSING", "HEALTH"};

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Autowired
    FactsDatabase facts;
    @Autowired
    KafkaReadModel readModel;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    ObjectMapper json;
    @Autowired
    EnvelopeCodec codec;

    @Test
    void a_burst_applied_in_polls_ends_as_applied_one_record_at_a_time() throws Exception {
        String tenant = "kreis-burst-" + UUID.randomUUID().toString().substring(0, 6);
        List<ProducerRecord<String, String>> burst = burst(tenant, new Random(11), 2_000);
        String malformed = "{\"id\": \"malformed-" + UUID.randomUUID() + "\", \"type\": ";
        burst.add(burst.size() / 2, new ProducerRecord<>(Topics.CASE, "malformed", malformed));
        // An earlier range delivered again, e.g. by a producer that retried.
        burst.addAll(new ArrayList<>(burst.subList(400, 700)));

        MessageListenerContainer listener = listeners.getListenerContainer(SteeringEventsListener.ID);
        listener.stop();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(EmbeddedInfra.shared().kafka().adminConfig(),
                new StringSerializer(), new StringSerializer())) {
            for (ProducerRecord<String, String> record : burst) {
                producer.send(record);
            }
            producer.flush();
        }
        listener.start();
        Map<TopicPartition, Long> ends = ends(Topics.CASE);
        await().atMost(Duration.ofSeconds(120)).until(() -> caughtUp(ends));

        MongoClient client = MongoClients.create(EmbeddedInfra.shared().mongo().connectionString());
        MongoTemplate reference = new MongoTemplate(client, "burst-reference-" + UUID.randomUUID().toString().substring(0, 8));
        SteeringProjection oneByOne = new SteeringProjection(new FactsDatabase(client, reference));
        burst.stream().map(ProducerRecord::value).filter(value -> !value.equals(malformed))
                .forEach(value -> oneByOne.apply(codec.decode(value)));

        assertThat(counts(facts.template(), tenant)).isNotEmpty().isEqualTo(counts(reference, tenant));
        assertThat(all(facts.template(), "case_facts", tenant)).hasSize(60).isEqualTo(all(reference, "case_facts", tenant));
        assertThat(all(facts.template(), "referral_facts", tenant)).isEqualTo(all(reference, "referral_facts", tenant));
        // The counts are those of the facts: counting them afresh gives the same.
        Map<String, Long> live = counts(facts.template(), tenant);
        new FigureCountStore(facts.template()).recount();
        assertThat(counts(facts.template(), tenant)).isEqualTo(live);

        assertThat(TopicReader.findOnceCreated(EmbeddedInfra.shared().kafka().adminConfig(),
                Topics.deadLetterOf(Topics.CASE), record -> record.value().equals(malformed), Duration.ofSeconds(30)))
                .as("the malformed record on the dead-letter topic").isPresent();
        client.close();
    }

    private boolean caughtUp(Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> stored = readModel.positions().stored();
        return ends.entrySet().stream().allMatch(end -> stored.getOrDefault(end.getKey(), 0L) >= end.getValue());
    }

    private static Map<TopicPartition, Long> ends(String topic) {
        Map<String, Object> config = new HashMap<>(EmbeddedInfra.shared().kafka().adminConfig());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            return consumer.endOffsets(partitions, Duration.ofSeconds(10));
        }
    }

    /** About {@code records} records of 60 invented cases, each in its order, the cases interleaved. */
    private List<ProducerRecord<String, String>> burst(String tenant, Random random, int records) throws Exception {
        int cases = 60;
        List<List<String>> byCase = new ArrayList<>();
        for (int c = 0; c < cases; c++) {
            byCase.add(history(tenant, "case-" + c, random, records / cases));
        }
        List<ProducerRecord<String, String>> burst = new ArrayList<>();
        int[] next = new int[cases];
        int left = byCase.stream().mapToInt(List::size).sum();
        while (left > 0) {
            int c = random.nextInt(cases);
            if (next[c] < byCase.get(c).size()) {
                burst.add(new ProducerRecord<>(Topics.CASE, "case-" + c, byCase.get(c).get(next[c]++)));
                left--;
            }
        }
        return burst;
    }

    private List<String> history(String tenant, String caseId, Random random, int length) throws Exception {
        List<String> events = new ArrayList<>();
        LocalDate opened = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(300));
        long sequence = 0;
        events.add(event(tenant, CaseOpened.TYPE, caseId, sequence++, opened, Map.of("caseId", caseId,
                "town", TOWNS[random.nextInt(TOWNS.length)], "targetGroup", "FAMILIES", "accessRoute", "SELF",
                "assignee", "cm-anna", "openedOn", opened.toString())));
        while (events.size() < length) {
            LocalDate on = opened.plusDays(random.nextInt(200));
            Map<String, Object> data = new HashMap<>(Map.of("caseId", caseId));
            EventType type;
            switch (random.nextInt(9)) {
                case 0 -> {
                    type = CaseClosed.TYPE;
                    data.put("outcome", "GOALS_REACHED");
                    data.put("closedOn", on.toString());
                }
                case 1 -> type = CaseReopened.TYPE;
                case 2 -> {
                    type = CaseHandedOver.TYPE;
                    data.put("toCaseManager", "cm-" + random.nextInt(3));
                }
                case 3 -> {
                    type = NeedAssessed.TYPE;
                    data.put("needId", caseId + "-n" + events.size());
                    data.put("fieldOfAction", FIELDS[random.nextInt(FIELDS.length)]);
                }
                case 4 -> {
                    type = GoalAchieved.TYPE;
                    data.put("fieldOfAction", FIELDS[random.nextInt(FIELDS.length)]);
                    data.put("achievedOn", on.toString());
                }
                case 5 -> {
                    type = ThemeTagged.TYPE;
                    data.put("themeCode", "NO_AFFORDABLE_HOUSING");
                }
                case 6 -> {
                    type = ContactRecorded.TYPE;
                    data.put("contactId", caseId + "-k" + events.size());
                    data.put("kind", "PHONE");
                    data.put("durationMinutes", 5 + random.nextInt(60));
                    data.put("contactOn", on.toString());
                }
                case 7 -> {
                    type = ClientDataRectified.TYPE;
                    data.put("town", TOWNS[random.nextInt(TOWNS.length)]);
                }
                default -> {
                    type = ReferralMade.TYPE;
                    data.put("referralId", caseId + "-r" + events.size());
                    data.put("madeOn", on.toString());
                    data.put("fieldOfAction", FIELDS[random.nextInt(FIELDS.length)]);
                    data.put("partnerId", "vhs");
                    data.put("offerId", "vhs-o1");
                }
            }
            events.add(event(tenant, type, caseId, sequence++, on, data));
        }
        return events;
    }

    private String event(String tenant, EventType type, String caseId, long sequence, LocalDate day,
                         Map<String, Object> data) throws Exception {
        ObjectNode envelope = (ObjectNode) json.readTree(Fixtures.json(type));
        envelope.put("id", UUID.randomUUID().toString()).put("tenant", tenant).put("aggregateId", caseId)
                .put("sequence", sequence).put("time", day + "T10:00:00Z");
        ObjectNode payload = (ObjectNode) envelope.path("data");
        data.forEach((key, value) -> payload.set(key, json.valueToTree(value)));
        return json.writeValueAsString(envelope);
    }

    private static List<Document> all(MongoTemplate mongo, String collection, String tenant) {
        List<Document> documents = new ArrayList<>();
        mongo.getCollection(collection).find(new Document("tenant", tenant)).forEach(documents::add);
        documents.sort(Comparator.comparing(d -> d.get("_id").toString()));
        return documents;
    }

    /** The counted figures of the tenant by field path, leaving out the changes remembered and counts of none. */
    private static Map<String, Long> counts(MongoTemplate mongo, String tenant) {
        Map<String, Long> counts = new TreeMap<>();
        for (Document d : mongo.getCollection("figure_counts").find()) {
            if (d.getString("_id").startsWith(tenant + "|")) {
                flatten(d.getString("_id"), d, counts);
            }
        }
        return counts;
    }

    private static void flatten(String path, Document document, Map<String, Long> counts) {
        document.forEach((field, value) -> {
            if (value instanceof Document inner) {
                flatten(path + "." + field, inner, counts);
            } else if (value instanceof Number n && n.longValue() != 0) {
                counts.put(path + "." + field, n.longValue());
            }
        });
    }
}
