package de.kim.partners.query;

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
 * The partner directory, offers and inboxes know where they are: when their store loses documents
 * and its position goes back (as a crash of the store would leave them), they replay the missing
 * part by themselves and say so on the health endpoint; and an administrator rebuilds them while
 * the directory keeps answering. Invented partners only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PartnerViewsHealAndRebuildIntegrationTest {

    private static final String PARTNER = """
            {"name":"Sprachtreff %s","kind":"LANGUAGE_COURSE_PROVIDER","legalDomains":["AUFENTHG"],
             "fieldsOfAction":["LANGUAGE"],"towns":["Hilden"],"agreement":{"signedOn":"2025-03-01"}}""";
    private static final String OFFER = """
            {"title":"Deutsch A2","fieldOfAction":"LANGUAGE","languages":["de"],"town":"Hilden","capacity":3}""";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    ReadModelDatabase partnerViewsDatabase;

    private final String admin = TestTokens.token(TestTokens.TENANT, "admin-ida", Role.ADMINISTRATOR);

    @Test
    void partners_lost_by_the_store_with_their_position_come_back_by_themselves() throws Exception {
        String before = created("/api/partners", PARTNER.formatted("Vorher"));
        awaitCaughtUp();
        Document position = positionDocument();
        String lostOne = created("/api/partners", PARTNER.formatted("Verloren"));
        String lostTwo = created("/api/partners", PARTNER.formatted("Ebenso"));
        created("/api/partners/" + lostTwo + "/offers", OFFER);
        awaitCaughtUp();
        long gapsBefore = health().path("gapsHealed").asLong();

        // Behind the service's back: the views and the position written after "before" are gone.
        mongo().getCollection(mongo().getCollectionName(PartnerView.class))
                .deleteMany(new Document("id", new Document("$in", List.of(lostOne, lostTwo))));
        mongo().getCollection(mongo().getCollectionName(OfferView.class)).deleteMany(new Document("partnerId", lostTwo));
        mongo().getCollection(MongoTokenStore.COLLECTION).replaceOne(new Document("_id", position.get("_id")), position);
        assertThat(get("/api/partners/" + lostOne).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(get("/api/partners/" + lostOne).getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(get("/api/partners/" + lostTwo).getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(mongo().getCollection(mongo().getCollectionName(OfferView.class))
                    .countDocuments(new Document("partnerId", lostTwo))).isEqualTo(1);
        });
        assertThat(get("/api/partners/" + before).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health().path("gapsHealed").asLong()).isGreaterThan(gapsBefore);
    }

    @Test
    void a_rebuild_keeps_the_directory_answering_and_ends_with_the_same_views() throws Exception {
        String partner = created("/api/partners", PARTNER.formatted("Neubau"));
        created("/api/partners/" + partner + "/offers", OFFER);
        awaitCaughtUp();
        String databaseBefore = partnerViewsDatabase.activeName();
        List<List<Document>> before = everything();

        AtomicBoolean rebuilding = new AtomicBoolean(true);
        List<Integer> answers = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            while (rebuilding.get()) {
                answers.add(get("/api/partners/" + partner).getStatusCode().value());
            }
        });
        reader.start();
        ResponseEntity<String> rebuilt;
        try {
            rebuilt = exchange(HttpMethod.POST, "/api/read-models/partner-service/partner-views/rebuild", null);
        } finally {
            rebuilding.set(false);
            reader.join();
        }

        assertThat(rebuilt.getStatusCode()).as(rebuilt.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode report = json.readTree(rebuilt.getBody());
        assertThat(report.path("events").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(report.path("documents").asLong()).isEqualTo(before.stream().mapToLong(List::size).sum());
        assertThat(answers).isNotEmpty().containsOnly(200);
        assertThat(partnerViewsDatabase.activeName()).isNotEqualTo(databaseBefore);
        assertThat(everything()).isEqualTo(before);

        String after = created("/api/partners", PARTNER.formatted("Danach"));
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/partners/" + after).getStatusCode() == HttpStatus.OK);
        JsonNode status = json.readTree(exchange(HttpMethod.GET, "/api/read-models/partner-service", null).getBody());
        assertThat(status.get(0).path("database").asText()).isEqualTo(partnerViewsDatabase.activeName());
    }

    private void awaitCaughtUp() {
        await().atMost(Duration.ofSeconds(30)).until(() -> health().path("lag").asLong(-1) == 0);
    }

    private MongoTemplate mongo() {
        return partnerViewsDatabase.template();
    }

    private Document positionDocument() {
        return mongo().getCollection(MongoTokenStore.COLLECTION).find(new Document("_id", "partner-views:0")).first();
    }

    private List<List<Document>> everything() {
        List<List<Document>> all = new ArrayList<>();
        for (Class<?> type : List.of(PartnerView.class, OfferView.class, InboxReferral.class)) {
            List<Document> documents = new ArrayList<>();
            mongo().getCollection(mongo().getCollectionName(type)).find().forEach(documents::add);
            documents.sort(Comparator.comparing(d -> d.get("_id").toString()));
            all.add(documents);
        }
        return all;
    }

    private JsonNode health() {
        try {
            return json.readTree(http.getForEntity("/actuator/health", String.class).getBody())
                    .at("/components/readModels/details/partner-views");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String created(String path, String body) throws Exception {
        ResponseEntity<String> answer = exchange(HttpMethod.POST, path, body);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(answer.getBody()).path("id").asText();
    }

    private ResponseEntity<String> get(String path) {
        return exchange(HttpMethod.GET, path, null);
    }

    private ResponseEntity<String> exchange(HttpMethod method, String path, String body) {
        HttpHeaders headers = TestTokens.bearer(admin);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }
}
