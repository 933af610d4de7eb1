package de.kim.cases.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kim.cases.query.PartnerDirectoryProjection.KnownOffer;
import de.kim.cases.query.PartnerDirectoryProjection.KnownPartner;
import de.kim.contracts.Fixtures;
import de.kim.contracts.Topics;
import de.kim.contracts.partners.OfferPublished;
import de.kim.contracts.partners.PartnerRegistered;
import de.kim.local.EmbeddedInfra;
import de.kim.platform.readmodel.MongoTokenStore;
import de.kim.platform.domain.Role;
import de.kim.platform.testing.TestTokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Case management's partner directory knows which records of {@code kim.partner.v1} it holds: when
 * its store loses offers with their offsets (as a crash of the store would leave them), the listener
 * seeks back and replays by itself and says so on the health endpoint; and an administrator rebuilds
 * it from the topic. Invented partners only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PartnerDirectoryHealAndRebuildIntegrationTest {

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
    PartnerDirectoryDatabase directory;
    @Autowired
    PartnerDirectoryProjection partners;

    private final String admin = TestTokens.token(TENANT, "admin-ida", Role.ADMINISTRATOR);

    @Test
    void offers_lost_by_the_store_with_their_offsets_come_back_by_themselves() throws Exception {
        List<String[]> first = publishOffers(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> first.stream().allMatch(this::referable));
        awaitCaughtUp();
        List<Document> offsets = offsets();
        List<String[]> lost = publishOffers(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> lost.stream().allMatch(this::referable));
        awaitCaughtUp();
        long gapsBefore = health().path("gapsHealed").asLong();

        // Behind the service's back: the partners and offers written after the first two are gone, with their offsets.
        for (String[] offer : lost) {
            mongo().remove(Query.query(Criteria.where("partnerId").is(offer[0])), KnownPartner.class);
            mongo().remove(Query.query(Criteria.where("partnerId").is(offer[0])), KnownOffer.class);
        }
        mongo().getCollection(MongoTokenStore.COLLECTION).deleteMany(new Document("readModel", "partner-directory"));
        mongo().getCollection(MongoTokenStore.COLLECTION).insertMany(offsets);
        assertThat(referable(lost.get(0))).isFalse();

        await().atMost(Duration.ofSeconds(60)).until(() -> lost.stream().allMatch(this::referable));
        assertThat(first.stream().allMatch(this::referable)).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> health().path("gapsHealed").asLong() > gapsBefore);
    }

    @Test
    void a_rebuild_answers_its_figures_and_ends_with_the_same_directory() throws Exception {
        List<String[]> offers = publishOffers(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> offers.stream().allMatch(this::referable));
        awaitCaughtUp();
        String databaseBefore = directory.activeName();
        List<Document> partnersBefore = all(KnownPartner.class);
        List<Document> offersBefore = all(KnownOffer.class);

        ResponseEntity<String> rebuilt = http.exchange("/api/read-models/case-service/partner-directory/rebuild",
                HttpMethod.POST, new HttpEntity<>(TestTokens.bearer(admin)), String.class);

        assertThat(rebuilt.getStatusCode()).as(rebuilt.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode report = json.readTree(rebuilt.getBody());
        assertThat(report.path("events").asLong()).isGreaterThanOrEqualTo(6);
        assertThat(report.path("documents").asLong()).isEqualTo(partnersBefore.size() + offersBefore.size());
        assertThat(directory.activeName()).isNotEqualTo(databaseBefore);
        assertThat(all(KnownPartner.class)).isEqualTo(partnersBefore);
        assertThat(all(KnownOffer.class)).isEqualTo(offersBefore);

        // The listener goes on after the rebuild's offsets.
        List<String[]> after = publishOffers(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> referable(after.get(0)));
    }

    private boolean referable(String[] offer) {
        return partners.activeOffer(TENANT, offer[0], offer[1]).isPresent();
    }

    private void awaitCaughtUp() {
        await().atMost(Duration.ofSeconds(30)).until(() -> health().path("lag").asLong(-1) == 0);
    }

    private MongoTemplate mongo() {
        return directory.template();
    }

    private List<Document> offsets() {
        List<Document> offsets = new ArrayList<>();
        mongo().getCollection(MongoTokenStore.COLLECTION).find(new Document("readModel", "partner-directory"))
                .forEach(offsets::add);
        assertThat(offsets).isNotEmpty();
        return offsets;
    }

    private List<Document> all(Class<?> type) {
        List<Document> documents = new ArrayList<>();
        mongo().getCollection(mongo().getCollectionName(type)).find().forEach(documents::add);
        documents.sort(Comparator.comparing(d -> d.get("_id").toString()));
        return documents;
    }

    private JsonNode health() {
        try {
            return json.readTree(http.getForEntity("/actuator/health", String.class).getBody())
                    .at("/components/readModels/details/partner-directory");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Registers partners, each with one language offer; answers partner and offer ids. Every second
     * partner comes as a version-1 record (no kind), as older records still on the topic do.
     */
    private List<String[]> publishOffers(int count) throws Exception {
        List<String[]> offers = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(EmbeddedInfra.shared().kafka().adminConfig(),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                String partner = UUID.randomUUID().toString();
                String offer = UUID.randomUUID().toString();
                ObjectNode registered = (ObjectNode) json.readTree(Fixtures.json(i % 2 == 1
                        ? PartnerRegistered.VERSION_1 : PartnerRegistered.TYPE));
                registered.put("id", UUID.randomUUID().toString()).put("tenant", TENANT).put("aggregateId", partner);
                ((ObjectNode) registered.path("data")).put("partnerId", partner);
                ObjectNode published = (ObjectNode) json.readTree(Fixtures.json(OfferPublished.TYPE));
                published.put("id", UUID.randomUUID().toString()).put("tenant", TENANT).put("aggregateId", partner);
                ((ObjectNode) published.path("data")).put("partnerId", partner).put("offerId", offer)
                        .put("fieldOfAction", "LANGUAGE");
                producer.send(new ProducerRecord<>(Topics.PARTNER, partner, json.writeValueAsString(registered))).get();
                producer.send(new ProducerRecord<>(Topics.PARTNER, partner, json.writeValueAsString(published))).get();
                offers.add(new String[] {partner, offer});
            }
        }
        return offers;
    }
}
