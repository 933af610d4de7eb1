package de.kim.immigration.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kim.platform.readmodel.MongoTokenStore;
import de.kim.platform.readmodel.ReadModelDatabase;
import de.kim.platform.domain.Role;
import de.kim.platform.testing.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The residence records know where they are: when their store loses documents and its position
 * goes back (as a crash of the store would leave them), they replay the missing part by themselves
 * and say so on the health endpoint; and an administrator rebuilds them while officers keep
 * reading. Invented persons only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResidenceRecordsHealAndRebuildIntegrationTest {

    private static final String RECORD = """
            {"familyName":"Testperson","givenName":"Erika","fileNumber":"ABH-T 1","dateOfBirth":"1993-08-21","nationality":"SYR","entryDate":"2017-03-10","minorChildInHousehold":false}""";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    ReadModelDatabase residenceRecordsDatabase;

    private final String officer = TestTokens.token(TestTokens.TENANT, "abh-olga", Role.IMMIGRATION_OFFICER);
    private final String admin = TestTokens.token(TestTokens.TENANT, "admin-ida", Role.ADMINISTRATOR);

    @Test
    void records_lost_by_the_store_with_their_position_come_back_by_themselves() throws Exception {
        String before = created();
        awaitCaughtUp();
        Document position = positionDocument();
        String lostOne = created();
        String lostTwo = created();
        awaitCaughtUp();
        long gapsBefore = health().path("gapsHealed").asLong();

        // Behind the service's back: the records and the position written after "before" are gone.
        mongo().getCollection(mongo().getCollectionName(ResidenceRecordView.class))
                .deleteMany(new Document("_id", new Document("$in", List.of(lostOne, lostTwo))));
        mongo().getCollection(MongoTokenStore.COLLECTION).replaceOne(new Document("_id", position.get("_id")), position);
        assertThat(get("/api/residence-records/" + lostOne, officer).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(get("/api/residence-records/" + lostOne, officer).getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(get("/api/residence-records/" + lostTwo, officer).getStatusCode()).isEqualTo(HttpStatus.OK);
        });
        assertThat(get("/api/residence-records/" + before, officer).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health().path("gapsHealed").asLong()).isGreaterThan(gapsBefore);
    }

    @Test
    void a_rebuild_keeps_the_records_answering_and_ends_with_the_same_records() throws Exception {
        String record = created();
        created();
        awaitCaughtUp();
        String databaseBefore = residenceRecordsDatabase.activeName();
        List<Document> before = all();

        AtomicBoolean rebuilding = new AtomicBoolean(true);
        List<Integer> answers = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            while (rebuilding.get()) {
                answers.add(get("/api/residence-records/" + record, officer).getStatusCode().value());
            }
        });
        reader.start();
        ResponseEntity<String> rebuilt;
        try {
            rebuilt = exchange(HttpMethod.POST, "/api/read-models/immigration-office-service/residence-records/rebuild",
                    null, admin);
        } finally {
            rebuilding.set(false);
            reader.join();
        }

        assertThat(rebuilt.getStatusCode()).as(rebuilt.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode report = json.readTree(rebuilt.getBody());
        assertThat(report.path("events").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(report.path("documents").asLong()).isEqualTo(before.size());
        assertThat(answers).isNotEmpty().containsOnly(200);
        assertThat(residenceRecordsDatabase.activeName()).isNotEqualTo(databaseBefore);
        assertThat(all()).isEqualTo(before);
        assertThat(exchange(HttpMethod.POST, "/api/read-models/immigration-office-service/residence-records/rebuild",
                null, officer).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        String after = created();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                get("/api/residence-records/" + after, officer).getStatusCode() == HttpStatus.OK);
    }

    private void awaitCaughtUp() {
        await().atMost(Duration.ofSeconds(30)).until(() -> health().path("lag").asLong(-1) == 0);
    }

    private MongoTemplate mongo() {
        return residenceRecordsDatabase.template();
    }

    private Document positionDocument() {
        return mongo().getCollection(MongoTokenStore.COLLECTION).find(new Document("_id", "residence-records:0")).first();
    }

    private List<Document> all() {
        List<Document> documents = new ArrayList<>();
        mongo().getCollection(mongo().getCollectionName(ResidenceRecordView.class)).find().forEach(documents::add);
        documents.sort(Comparator.comparing(d -> d.get("_id").toString()));
        return documents;
    }

    private JsonNode health() {
        try {
            return json.readTree(http.getForEntity("/actuator/health", String.class).getBody())
                    .at("/components/readModels/details/residence-records");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String created() throws Exception {
        ResponseEntity<String> answer = exchange(HttpMethod.POST, "/api/residence-records", RECORD, officer);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.CREATED);
        String id = json.readTree(answer.getBody()).path("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                get("/api/residence-records/" + id, officer).getStatusCode() == HttpStatus.OK);
        return id;
    }

    private ResponseEntity<String> get(String path, String token) {
        return exchange(HttpMethod.GET, path, null, token);
    }

    private ResponseEntity<String> exchange(HttpMethod method, String path, String body, String token) {
        HttpHeaders headers = TestTokens.bearer(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }
}
