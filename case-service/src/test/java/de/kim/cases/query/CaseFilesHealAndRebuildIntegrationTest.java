package de.kim.cases.query;

import de.kim.cases.web.CaseServiceIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kim.platform.readmodel.MongoTokenStore;
import de.kim.platform.domain.Role;
import de.kim.platform.testing.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The case files know where they are: when their store loses documents and its position goes back
 * (as a crash of the store would leave them), they replay the missing part by themselves and say so
 * on the health endpoint; and an administrator rebuilds them while case managers keep reading.
 * Invented clients only.
 */
// Two files in memory: the rebuild writes them and reads them back for later events.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kim.read-models.case-files.files-in-memory=2")
class CaseFilesHealAndRebuildIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    CaseFileDatabase caseFiles;

    private final String manager = TestTokens.token(TestTokens.TENANT, "cm-anna", Role.CASE_MANAGEMENT_LEAD);
    private final String admin = TestTokens.token(TestTokens.TENANT, "admin-ida", Role.ADMINISTRATOR);

    @Test
    void case_files_lost_by_the_store_with_their_position_come_back_by_themselves() throws Exception {
        String before = opened("Vorher");
        Document position = positionDocument();
        String lostOne = opened("Verloren");
        String lostTwo = opened("Ebenso");
        followUp(lostTwo);
        await().atMost(Duration.ofSeconds(20)).until(() -> followUpsOf(lostTwo) == 1);
        long gapsBefore = health().path("gapsHealed").asLong();

        // Behind the service's back: the files and the position written after "before" are gone.
        mongo().remove(Query.query(Criteria.where("_id").in(lostOne, lostTwo)), CaseFile.class);
        mongo().remove(Query.query(Criteria.where("caseId").is(lostTwo)), FollowUpEntry.class);
        mongo().getCollection(MongoTokenStore.COLLECTION).replaceOne(new Document("_id", position.get("_id")), position);
        assertThat(get("/api/cases/" + lostOne, manager).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(get("/api/cases/" + lostOne, manager).getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(get("/api/cases/" + lostTwo, manager).getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(followUpsOf(lostTwo)).isEqualTo(1);
        });
        assertThat(get("/api/cases/" + before, manager).getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode health = health();
        assertThat(health.path("gapsHealed").asLong()).isGreaterThan(gapsBefore);
        assertThat(health.path("position").asLong()).isPositive();
    }

    @Test
    void a_rebuild_answers_its_figures_keeps_queries_answering_and_ends_with_the_same_case_files() throws Exception {
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            cases.add(opened("Neubau" + i));
        }
        followUp(cases.get(0));
        await().atMost(Duration.ofSeconds(20)).until(() -> followUpsOf(cases.get(0)) == 1);
        // Two files more: the replay, holding two in memory, writes the first case with its follow-up
        // and reads it back for the second follow-up, which replaces what it wrote.
        cases.add(opened("Neubau5"));
        cases.add(opened("Neubau6"));
        followUp(cases.get(0));
        await().atMost(Duration.ofSeconds(20)).until(() -> followUpsOf(cases.get(0)) == 2);
        awaitCaughtUp();
        String databaseBefore = caseFiles.activeName();
        List<Document> filesBefore = all(CaseFile.class);
        List<Document> followUpsBefore = all(FollowUpEntry.class);

        AtomicBoolean rebuilding = new AtomicBoolean(true);
        List<HttpStatus> answers = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            while (rebuilding.get()) {
                answers.add(HttpStatus.valueOf(get("/api/cases/" + cases.get(4), manager).getStatusCode().value()));
            }
        });
        reader.start();
        ResponseEntity<String> rebuilt;
        try {
            rebuilt = exchange(HttpMethod.POST, "/api/read-models/case-service/case-files/rebuild", null, admin);
        } finally {
            rebuilding.set(false);
            reader.join();
        }

        assertThat(rebuilt.getStatusCode()).as(rebuilt.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode report = json.readTree(rebuilt.getBody());
        assertThat(report.path("events").asLong()).isGreaterThanOrEqualTo(6);
        assertThat(report.path("documents").asLong()).isEqualTo(filesBefore.size() + followUpsBefore.size());
        assertThat(report.path("millis").asLong()).isPositive();
        assertThat(report.path("eventsPerSecond").asLong()).isPositive();
        assertThat(answers).isNotEmpty().containsOnly(HttpStatus.OK);
        assertThat(caseFiles.activeName()).isNotEqualTo(databaseBefore);
        assertThat(all(CaseFile.class)).isEqualTo(filesBefore);
        assertThat(all(FollowUpEntry.class)).isEqualTo(followUpsBefore);
        // Loaded without them, the rebuilt case files have their indexes once live, and the name search finds.
        List<String> indexes = mongo().getCollection(mongo().getCollectionName(CaseFile.class)).listIndexes()
                .map(index -> index.getString("name")).into(new ArrayList<>());
        assertThat(indexes).contains("tenant_status_opened", "tenant_search_tokens_opened");
        ResponseEntity<String> found = get("/api/cases?status=OPEN&q=Neubau3", manager);
        assertThat(found.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(found.getBody()).contains(cases.get(3)).doesNotContain(cases.get(2));

        // The processor goes on from the rebuilt position, and the status names the new database.
        String after = opened("Danach");
        assertThat(get("/api/cases/" + after, manager).getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode status = json.readTree(get("/api/read-models/case-service", admin).getBody());
        assertThat(status.get(0).path("name").asText()).isEqualTo("case-files");
        assertThat(status.get(0).path("database").asText()).isEqualTo(caseFiles.activeName());
        assertThat(exchange(HttpMethod.POST, "/api/read-models/case-service/case-files/rebuild", null, manager)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private void awaitCaughtUp() {
        await().atMost(Duration.ofSeconds(30)).until(() -> health().path("lag").asLong(-1) == 0);
    }

    private MongoTemplate mongo() {
        return caseFiles.template();
    }

    private Document positionDocument() {
        return mongo().getCollection(MongoTokenStore.COLLECTION).find(new Document("_id", "case-files:0")).first();
    }

    private List<Document> all(Class<?> type) {
        List<Document> documents = new ArrayList<>();
        mongo().getCollection(mongo().getCollectionName(type)).find().forEach(documents::add);
        documents.sort(Comparator.comparing(d -> d.get("_id").toString()));
        return documents;
    }

    private long followUpsOf(String caseId) {
        return mongo().count(Query.query(Criteria.where("caseId").is(caseId)), FollowUpEntry.class);
    }

    private JsonNode health() throws Exception {
        JsonNode all = json.readTree(http.getForEntity("/actuator/health", String.class).getBody());
        return all.at("/components/readModels/details/case-files");
    }

    private String opened(String familyName) throws Exception {
        ResponseEntity<String> answer = exchange(HttpMethod.POST, CaseServiceIntegrationTest.OPEN_AGAIN, """
                {"client":{"givenName":"Testa","familyName":"%s","dateOfBirth":"1991-02-03","nationality":"SYR",
                 "languages":["ar"],"town":"Haan"},"targetGroup":"NEWLY_ARRIVED","accessRoute":"SELF",
                 "assignee":"cm-anna"}""".formatted(familyName), manager);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.CREATED);
        String id = json.readTree(answer.getBody()).path("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/cases/" + id, manager).getStatusCode() == HttpStatus.OK);
        return id;
    }

    private void followUp(String caseId) {
        ResponseEntity<String> answer = exchange(HttpMethod.POST, "/api/cases/" + caseId + "/follow-ups",
                "{\"dueOn\":\"" + LocalDate.now().plusDays(3) + "\",\"subject\":\"Termin vereinbaren\"}", manager);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    private ResponseEntity<String> get(String path, String token) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(TestTokens.bearer(token)), String.class);
    }

    private ResponseEntity<String> exchange(HttpMethod method, String path, String body, String token) {
        HttpHeaders headers = TestTokens.bearer(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }
}
