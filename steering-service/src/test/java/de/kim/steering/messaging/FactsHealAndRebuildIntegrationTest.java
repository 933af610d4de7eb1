package de.kim.steering.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kim.contracts.Fixtures;
import de.kim.contracts.Topics;
import de.kim.contracts.cases.CaseOpened;
import de.kim.local.EmbeddedInfra;
import de.kim.platform.readmodel.MongoTokenStore;
import de.kim.platform.domain.Role;
import de.kim.platform.testing.TestTokens;
import de.kim.steering.query.Facts.CaseFact;
import de.kim.steering.query.FactsDatabase;
import de.kim.steering.query.FigureCountStore;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Steering's facts know which records they hold: when the store loses facts and the offsets stored
 * with them go back (as a crash of the store would leave them), the listener seeks back and replays
 * by itself and says so on the health endpoint, and the counted figures come out as counting the
 * facts afresh gives them; and an administrator rebuilds them through the
 * read-model endpoint while the figures keep answering, with the same facts and counts. Invented cases only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FactsHealAndRebuildIntegrationTest {

    private static final String TENANT = TestTokens.TENANT;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    FactsDatabase facts;

    private final String admin = TestTokens.token(TENANT, "admin-ida", Role.ADMINISTRATOR);
    private final String member = TestTokens.token(TENANT, "steuerung", Role.STEERING_MEMBER);

    @Test
    void facts_lost_by_the_store_with_their_offsets_come_back_by_themselves() throws Exception {
        List<String> first = publishCasesOpened(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> first.stream().allMatch(this::known));
        awaitCaughtUp();
        List<Document> offsets = offsets();
        List<String> lost = publishCasesOpened(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> lost.stream().allMatch(this::known));
        awaitCaughtUp();
        long gapsBefore = health().path("gapsHealed").asLong();

        // Behind the service's back: the facts and offsets written after the first three are gone.
        lost.forEach(caseId -> mongo().remove(mongo().findById(TENANT + ":" + caseId, CaseFact.class)));
        mongo().getCollection(MongoTokenStore.COLLECTION).deleteMany(new Document("readModel", "facts"));
        mongo().getCollection(MongoTokenStore.COLLECTION).insertMany(offsets);
        assertThat(known(lost.get(0))).isFalse();

        await().atMost(Duration.ofSeconds(60)).until(() -> lost.stream().allMatch(this::known));
        assertThat(first.stream().allMatch(this::known)).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> health().path("gapsHealed").asLong() > gapsBefore);
        awaitCaughtUp();
        // The counted figures healed with the facts: each case counted once, as counting them afresh does.
        Map<String, Long> healed = counts();
        new FigureCountStore(mongo()).recount();
        assertThat(counts()).isEqualTo(healed);
    }

    @Test
    void a_rebuild_answers_its_figures_keeps_the_figures_answering_and_ends_with_the_same_facts() throws Exception {
        List<String> cases = publishCasesOpened(5);
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.stream().allMatch(this::known));
        awaitCaughtUp();
        String databaseBefore = facts.activeName();
        List<Document> before = all("case_facts");
        Map<String, Long> countsBefore = counts();

        AtomicBoolean rebuilding = new AtomicBoolean(true);
        List<Integer> answers = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            while (rebuilding.get()) {
                answers.add(get("/api/steering/figures", member).getStatusCode().value());
            }
        });
        reader.start();
        ResponseEntity<String> rebuilt;
        try {
            rebuilt = http.exchange("/api/read-models/steering-service/facts/rebuild", HttpMethod.POST,
                    new HttpEntity<>(TestTokens.bearer(admin)), String.class);
        } finally {
            rebuilding.set(false);
            reader.join();
        }

        assertThat(rebuilt.getStatusCode()).as(rebuilt.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode report = json.readTree(rebuilt.getBody());
        assertThat(report.path("events").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(report.path("documents").asLong()).isGreaterThanOrEqualTo(before.size());
        assertThat(report.path("eventsPerSecond").asLong()).isPositive();
        assertThat(answers).isNotEmpty().containsOnly(200);
        assertThat(facts.activeName()).isNotEqualTo(databaseBefore);
        assertThat(all("case_facts")).isEqualTo(before);
        // The rebuild counts the facts it ends with: the same counts as the live projection kept.
        assertThat(counts()).isNotEmpty().isEqualTo(countsBefore);

        // The listener goes on after the rebuild's offsets, and the status shows the new database.
        List<String> after = publishCasesOpened(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> known(after.get(0)));
        JsonNode status = json.readTree(get("/api/read-models/steering-service", admin).getBody());
        assertThat(status.findValuesAsText("name")).contains("facts");
        assertThat(get("/api/read-models/steering-service", member).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // The old path answers as before, for the web front end.
        ResponseEntity<String> old = http.exchange("/api/steering/rebuild", HttpMethod.POST,
                new HttpEntity<>(TestTokens.bearer(admin)), String.class);
        assertThat(json.readTree(old.getBody()).path("facts").asLong()).isGreaterThanOrEqualTo(before.size());
    }

    private void awaitCaughtUp() {
        await().atMost(Duration.ofSeconds(30)).until(() -> health().path("lag").asLong(-1) == 0);
    }

    private boolean known(String caseId) {
        return mongo().findById(TENANT + ":" + caseId, CaseFact.class) != null;
    }

    private MongoTemplate mongo() {
        return facts.template();
    }

    /** The counted figures of the test's tenant by field path, leaving out counts of none. */
    private Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        for (Document d : mongo().getCollection("figure_counts").find()) {
            if (d.getString("_id").startsWith(TENANT + "|")) {
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

    private List<Document> offsets() {
        List<Document> offsets = new ArrayList<>();
        mongo().getCollection(MongoTokenStore.COLLECTION).find(new Document("readModel", "facts")).forEach(offsets::add);
        assertThat(offsets).isNotEmpty();
        return offsets;
    }

    private List<Document> all(String collection) {
        List<Document> documents = new ArrayList<>();
        mongo().getCollection(collection).find().forEach(documents::add);
        documents.sort(Comparator.comparing(d -> d.get("_id").toString()));
        return documents;
    }

    private JsonNode health() {
        try {
            return json.readTree(http.getForEntity("/actuator/health", String.class).getBody())
                    .at("/components/readModels/details/facts");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private ResponseEntity<String> get(String path, String token) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(TestTokens.bearer(token)), String.class);
    }

    private List<String> publishCasesOpened(int count) throws Exception {
        List<String> caseIds = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(EmbeddedInfra.shared().kafka().adminConfig(),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                ObjectNode envelope = (ObjectNode) json.readTree(Fixtures.json(CaseOpened.TYPE));
                String caseId = UUID.randomUUID().toString();
                envelope.put("id", UUID.randomUUID().toString()).put("tenant", TENANT).put("aggregateId", caseId);
                ((ObjectNode) envelope.path("data")).put("caseId", caseId).put("openedOn", "2026-11-02");
                producer.send(new ProducerRecord<>(Topics.CASE, caseId, json.writeValueAsString(envelope))).get();
                caseIds.add(caseId);
            }
        }
        return caseIds;
    }
}
