package de.kim.partners.web;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import de.kim.contracts.cases.ClientDataRectified;
import de.kim.contracts.cases.ClientErased;
import de.kim.contracts.cases.SharedClientData;
import de.kim.platform.privacy.PersonalDataVault;
import de.kim.platform.testing.EveryOperation;
import de.kim.platform.testing.TestTokens;
import de.kim.platform.domain.Role;
import org.junit.jupiter.api.BeforeEach;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kim.contracts.Fixtures;
import de.kim.contracts.Topics;
import de.kim.contracts.cases.ConsentRevoked;
import de.kim.contracts.cases.ReferralMade;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import java.nio.charset.StandardCharsets;
import de.kim.contracts.cases.ReferralWithdrawn;
import de.kim.local.EmbeddedInfra;
import de.kim.partners.command.PartnerAggregate;
import de.kim.local.TopicReader;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * partner-service on the real broker and Mongo-wire server, fed with case-service's pinned
 * fixtures. A partner is snapshotted every three events here, so most commands load it from a
 * snapshot.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kim.partner.snapshot-every=3", "kim.partner.shared-data-grace=PT3S"})
class PartnerServiceIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Autowired
    TestRestTemplate http;

    @BeforeEach
    void signIn() {
        TestTokens.signIn(http, TestTokens.token(TestTokens.TENANT, "admin-test", Role.ADMINISTRATOR));
    }
    @Autowired
    ObjectMapper json;
    @Autowired
    PersonalDataVault vault;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void a_token_whose_roles_cannot_be_read_or_that_is_for_another_audience_opens_no_operation() throws Exception {
        EveryOperation.assertClosedToUnreadableRolesAndOtherAudiences(http, json);
    }

    @Test
    void a_partner_loaded_from_its_snapshots_keeps_its_offers_and_inbox_and_passes_over_an_old_snapshot() throws Exception {
        String partner = created(post("/api/partners", PARTNER));
        String offer = created(post("/api/partners/" + partner + "/offers", OFFER.formatted(2)));
        // A snapshot as partner-service wrote them before revision 2: no fields at all. Loaded, it would be a partner without id.
        jdbc.update("insert into snapshotevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, "
                + "payload, payloadrevision, payloadtype, timestamp) values (?, 1, 'PartnerAggregate', ?, ?, ?, null, ?, ?)",
                TestTokens.TENANT + ":" + partner, UUID.randomUUID().toString(), "{}".getBytes(), "{}".getBytes(),
                "de.kim.partners.command.PartnerAggregate", java.time.Instant.now().toString());
        List<String> referrals = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        for (String referralId : referrals) {
            String caseId = UUID.randomUUID().toString();
            send(caseId, referralMade(partner, offer, referralId, caseId));
        }
        TestTokens.signIn(http, TestTokens.partnerStaff(TestTokens.TENANT, "partner-test", partner));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json.readTree(
                http.getForObject("/api/partners/" + partner + "/referrals", String.class)).path("items")).hasSize(3));

        assertThat(post("/api/referrals/" + referrals.get(0) + "/accept", "{}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post("/api/referrals/" + referrals.get(1) + "/accept", "{}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        // Two places, both taken: the third is refused; the first cannot be accepted twice.
        ResponseEntity<String> full = post("/api/referrals/" + referrals.get(2) + "/accept", "{}");
        assertThat(full.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(full.getBody()).contains("Alle 2 Plätze des Angebots sind belegt");
        assertThat(post("/api/referrals/" + referrals.get(0) + "/accept", "{}").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(jdbc.queryForObject("select count(*) from snapshotevententry where aggregateidentifier = ? "
                + "and payloadrevision = ?", Integer.class, TestTokens.TENANT + ":" + partner,
                PartnerAggregate.SNAPSHOT_REVISION)).isPositive();
    }

    @Test
    void a_redelivered_referral_lands_once_in_the_inbox_and_a_revoked_consent_empties_it() throws Exception {
        String partner = created(post("/api/partners", PARTNER));
        String offer = created(post("/api/partners/" + partner + "/offers", OFFER.formatted(3)));
        String referralId = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        String referral = referralMade(partner, offer, referralId, caseId);

        send(caseId, referral);
        send(caseId, referral);
        TestTokens.signIn(http, TestTokens.partnerStaff(TestTokens.TENANT, "partner-test", partner));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode inbox = json.readTree(http.getForObject("/api/partners/" + partner + "/referrals", String.class))
                    .path("items");
            assertThat(inbox).hasSize(1);
            assertThat(inbox.get(0).at("/client/givenName").asText()).isEqualTo("Amina");
        });

        assertThat(post("/api/referrals/" + referralId + "/accept", "{}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post("/api/referrals/" + referralId + "/accept", "{}").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(TopicReader.find(EmbeddedInfra.shared().kafka().adminConfig(), Topics.PARTNER,
                r -> r.value().contains("kim.partner.ReferralAccepted") && r.value().contains(referralId),
                Duration.ofSeconds(30))).isPresent();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json.readTree(
                http.getForObject("/api/offers/" + offer, String.class)).path("freePlaces").asInt()).isEqualTo(2));

        HttpHeaders otherPartner = TestTokens.bearer(TestTokens.partnerStaff(TestTokens.TENANT, "other", "another-partner"));
        assertThat(http.exchange("/api/referrals/" + referralId, HttpMethod.GET, new HttpEntity<>(otherPartner),
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.exchange("/api/partners/" + partner + "/referrals", HttpMethod.GET, new HttpEntity<>(otherPartner),
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        HttpHeaders administrator = TestTokens.bearer(TestTokens.token(TestTokens.TENANT, "admin-test", Role.ADMINISTRATOR));
        assertThat(http.exchange("/api/referrals/" + referralId, HttpMethod.GET, new HttpEntity<>(administrator),
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ObjectNode revoked = (ObjectNode) json.readTree(Fixtures.json(ConsentRevoked.TYPE));
        revoked.put("id", UUID.randomUUID().toString()).put("aggregateId", caseId);
        ((ObjectNode) revoked.path("data")).put("caseId", caseId).put("recipient", partner)
                .put("consentId", json.readTree(referral).at("/data/consentId").asText());
        send(caseId, json.writeValueAsString(revoked));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json.readTree(
                http.getForObject("/api/referrals/" + referralId, String.class)).path("client").isNull()).isTrue());
    }

    @Test
    void a_correction_of_the_clients_data_replaces_the_partners_copy_once_and_a_copy_for_an_unknown_partner_is_passed_over()
            throws Exception {
        String partner = created(post("/api/partners", PARTNER));
        String offer = created(post("/api/partners/" + partner + "/offers", OFFER.formatted(3)));
        String referralId = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        String referral = referralMade(partner, offer, referralId, caseId);
        send(caseId, referral);
        TestTokens.signIn(http, TestTokens.partnerStaff(TestTokens.TENANT, "partner-test", partner));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json.readTree(
                http.getForObject("/api/referrals/" + referralId, String.class)).at("/client/familyName").asText())
                .isEqualTo("Beispiel"));

        SharedClientData corrected = new SharedClientData("Amina", "Beispiel-Neu", java.time.LocalDate.of(1990, 4, 12),
                List.of("ar", "de"), null, null, null, "Velbert", null);
        ObjectNode rectified = (ObjectNode) json.readTree(Fixtures.json(ClientDataRectified.TYPE));
        rectified.put("id", UUID.randomUUID().toString()).put("aggregateId", caseId);
        ObjectNode data = (ObjectNode) rectified.path("data");
        data.put("caseId", caseId);
        ObjectNode copy = (ObjectNode) data.path("copies").get(0);
        copy.put("partnerId", partner).put("consentId", json.readTree(referral).at("/data/consentId").asText())
                .put("sealedClient", vault.seal(TestTokens.TENANT, caseId, corrected).data());
        ObjectNode unknownPartner = copy.deepCopy().put("partnerId", "no-such-partner");
        ((com.fasterxml.jackson.databind.node.ArrayNode) data.path("copies")).insert(0, unknownPartner);
        send(caseId, json.writeValueAsString(rectified));
        send(caseId, json.writeValueAsString(rectified));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode shown = json.readTree(http.getForObject("/api/referrals/" + referralId, String.class));
            assertThat(shown.at("/client/familyName").asText()).isEqualTo("Beispiel-Neu");
            assertThat(shown.at("/client/languages").toString()).isEqualTo("[\"ar\",\"de\"]");
        });
        // The partner's events hold the correction sealed, never in plain text.
        assertThat(jdbc.queryForList("select payload from domainevententry where payloadtype like ?", byte[].class,
                "%SharedClientDataRectifiedEvent").stream().map(p -> new String(p, StandardCharsets.UTF_8)))
                .isNotEmpty().noneMatch(p -> p.contains("Beispiel-Neu"));
    }

    @Test
    void after_a_decline_or_a_completion_the_clients_data_goes_once_the_grace_period_has_passed_and_the_status_stays()
            throws Exception {
        String partner = created(post("/api/partners", PARTNER));
        String offer = created(post("/api/partners/" + partner + "/offers", OFFER.formatted(3)));
        String declined = UUID.randomUUID().toString();
        String completed = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        send(caseId, referralMade(partner, offer, declined, caseId));
        send(caseId, referralMade(partner, offer, completed, caseId));
        TestTokens.signIn(http, TestTokens.partnerStaff(TestTokens.TENANT, "partner-test", partner));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(referral(declined).at("/client/familyName").asText()).isEqualTo("Beispiel");
            assertThat(referral(completed).at("/client/familyName").asText()).isEqualTo("Beispiel");
        });

        assertThat(post("/api/referrals/" + declined + "/decline", "{\"reason\":\"NO_CAPACITY\"}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post("/api/referrals/" + completed + "/accept", "{}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post("/api/referrals/" + completed + "/complete", "{\"result\":\"GOAL_REACHED\"}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        // kim.partner.shared-data-grace is PT3S here; db-scheduler polls every few seconds.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String id : List.of(declined, completed)) {
                JsonNode referral = referral(id);
                assertThat(referral.path("client").isNull()).as("client of %s", id).isTrue();
                assertThat(referral.path("note").isNull()).as("note of %s", id).isTrue();
                assertThat(referral.path("id").asText()).isEqualTo(id);
            }
        });
        assertThat(referral(declined).path("status").asText()).isEqualTo("DECLINED");
        assertThat(referral(declined).path("declineReason").asText()).isEqualTo("NO_CAPACITY");
        assertThat(referral(completed).path("status").asText()).isEqualTo("COMPLETED");
        assertThat(json.readTree(http.getForObject("/api/partners/" + partner + "/referrals", String.class)).toString())
                .doesNotContain("Amina", "Beispiel", "Kinderbetreuung");
    }

    @Test
    void an_expired_consent_empties_the_inbox_as_a_revocation_does() throws Exception {
        String partner = created(post("/api/partners", PARTNER));
        String offer = created(post("/api/partners/" + partner + "/offers", OFFER.formatted(3)));
        String referralId = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        String referral = referralMade(partner, offer, referralId, caseId);
        send(caseId, referral);
        TestTokens.signIn(http, TestTokens.partnerStaff(TestTokens.TENANT, "partner-test", partner));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(referral(referralId).at("/client/familyName").asText()).isEqualTo("Beispiel"));

        ObjectNode expired = (ObjectNode) json.readTree(Fixtures.json(ConsentRevoked.TYPE));
        expired.put("id", UUID.randomUUID().toString()).put("aggregateId", caseId);
        ((ObjectNode) expired.path("data")).put("caseId", caseId).put("recipient", partner)
                .put("consentId", json.readTree(referral).at("/data/consentId").asText())
                .put("reason", ConsentRevoked.EXPIRED);
        send(caseId, json.writeValueAsString(expired));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode inbox = referral(referralId);
            assertThat(inbox.path("client").isNull()).isTrue();
            assertThat(inbox.path("note").isNull()).isTrue();
            assertThat(inbox.path("status").asText()).isEqualTo("RECEIVED");
        });
    }

    @Test
    void a_withdrawn_referral_keeps_its_status_in_the_inbox_but_no_longer_the_clients_data() throws Exception {
        String partner = created(post("/api/partners", PARTNER));
        String offer = created(post("/api/partners/" + partner + "/offers", OFFER.formatted(3)));
        String referralId = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        send(caseId, referralMade(partner, offer, referralId, caseId));
        HttpHeaders staff = TestTokens.bearer(TestTokens.partnerStaff(TestTokens.TENANT, "partner-test", partner));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json.readTree(http.exchange(
                "/api/referrals/" + referralId, HttpMethod.GET, new HttpEntity<>(staff), String.class).getBody())
                .at("/client/familyName").asText()).isEqualTo("Beispiel"));

        ObjectNode withdrawn = (ObjectNode) json.readTree(Fixtures.json(ReferralWithdrawn.TYPE));
        withdrawn.put("id", UUID.randomUUID().toString()).put("aggregateId", caseId);
        ((ObjectNode) withdrawn.path("data")).put("caseId", caseId).put("referralId", referralId).put("partnerId", partner)
                .put("sealedReason", vault.seal(TestTokens.TENANT, caseId, "Kurs passt zeitlich nicht").data());
        send(caseId, json.writeValueAsString(withdrawn));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode referral = json.readTree(http.exchange("/api/referrals/" + referralId, HttpMethod.GET,
                    new HttpEntity<>(staff), String.class).getBody());
            assertThat(referral.path("status").asText()).isEqualTo("WITHDRAWN");
            assertThat(referral.path("client").isNull()).isTrue();
        });
    }

    @Test
    void a_withdrawal_of_the_older_version_is_read_its_plain_reason_shown_and_sealed_in_the_partners_events()
            throws Exception {
        String partner = created(post("/api/partners", PARTNER));
        String offer = created(post("/api/partners/" + partner + "/offers", OFFER.formatted(3)));
        String referralId = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        String reason = "Kurs faellt aus " + UUID.randomUUID();
        send(caseId, referralMade(partner, offer, referralId, caseId));
        // Version 1, still on the topic: the reason in plain text.
        ObjectNode withdrawn = (ObjectNode) json.readTree(Fixtures.json(ReferralWithdrawn.VERSION_1));
        withdrawn.put("id", UUID.randomUUID().toString()).put("aggregateId", caseId);
        ((ObjectNode) withdrawn.path("data")).put("caseId", caseId).put("referralId", referralId).put("partnerId", partner)
                .put("reason", reason);
        send(caseId, json.writeValueAsString(withdrawn));

        HttpHeaders staff = TestTokens.bearer(TestTokens.partnerStaff(TestTokens.TENANT, "partner-test", partner));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode referral = json.readTree(http.exchange("/api/referrals/" + referralId, HttpMethod.GET,
                    new HttpEntity<>(staff), String.class).getBody());
            assertThat(referral.path("status").asText()).isEqualTo("WITHDRAWN");
            assertThat(referral.path("comment").asText()).isEqualTo(reason);
        });
        assertThat(jdbc.queryForList("select payload from domainevententry", byte[].class)).noneMatch(payload ->
                new String(payload, StandardCharsets.UTF_8).contains(reason));
    }

    @Test
    void a_referral_note_shows_in_the_inbox_but_stays_sealed_in_the_partners_events_in_both_wire_versions()
            throws Exception {
        String partner = created(post("/api/partners", PARTNER));
        String offer = created(post("/api/partners/" + partner + "/offers", OFFER.formatted(3)));
        String marker = "Notiz-" + UUID.randomUUID();
        String sealedId = UUID.randomUUID().toString();
        String sealedCase = UUID.randomUUID().toString();
        ObjectNode current = (ObjectNode) json.readTree(referralMade(partner, offer, sealedId, sealedCase));
        ((ObjectNode) current.path("data")).put("sealedNote",
                vault.seal(TestTokens.TENANT, sealedCase, marker + " (v3)").data());
        send(sealedCase, json.writeValueAsString(current));
        // A record of version 2, still on the topic: the note in plain text.
        String plainId = UUID.randomUUID().toString();
        String plainCase = UUID.randomUUID().toString();
        ObjectNode old = (ObjectNode) json.readTree(Fixtures.json(ReferralMade.VERSION_2));
        old.put("id", UUID.randomUUID().toString()).put("aggregateId", plainCase);
        ((ObjectNode) old.path("data")).put("caseId", plainCase).put("referralId", plainId)
                .put("partnerId", partner).put("offerId", offer).put("note", marker + " (v2)")
                .put("sealedClient", vault.seal(TestTokens.TENANT, plainCase, new SharedClientData("Amina", "Beispiel",
                        java.time.LocalDate.of(1990, 4, 12), null, null, null, null, "Velbert", null)).data());
        send(plainCase, json.writeValueAsString(old));

        HttpHeaders staff = TestTokens.bearer(TestTokens.partnerStaff(TestTokens.TENANT, "partner-test", partner));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (Map.Entry<String, String> referral : Map.of(sealedId, " (v3)", plainId, " (v2)").entrySet()) {
                assertThat(json.readTree(http.exchange("/api/referrals/" + referral.getKey(), HttpMethod.GET,
                        new HttpEntity<>(staff), String.class).getBody()).path("note").asText())
                        .isEqualTo(marker + referral.getValue());
            }
        });
        List<byte[]> payloads = jdbc.queryForList("select payload from domainevententry", byte[].class);
        assertThat(payloads).isNotEmpty().noneMatch(payload ->
                new String(payload, java.nio.charset.StandardCharsets.UTF_8).contains(marker));
    }

    @Test
    void an_erased_client_disappears_from_the_inbox_and_a_rebuilt_inbox_cannot_read_them_either() throws Exception {
        String partner = created(post("/api/partners", PARTNER));
        String offer = created(post("/api/partners/" + partner + "/offers", OFFER.formatted(3)));
        String referralId = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        send(caseId, referralMade(partner, offer, referralId, caseId));
        HttpHeaders staff = TestTokens.bearer(TestTokens.partnerStaff(TestTokens.TENANT, "partner-test", partner));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json.readTree(http.exchange(
                "/api/referrals/" + referralId, HttpMethod.GET, new HttpEntity<>(staff), String.class).getBody())
                .at("/client/familyName").asText()).isEqualTo("Beispiel"));

        vault.shred(TestTokens.TENANT, caseId);
        ObjectNode erased = (ObjectNode) json.readTree(Fixtures.json(ClientErased.TYPE));
        erased.put("id", UUID.randomUUID().toString()).put("aggregateId", caseId);
        ((ObjectNode) erased.path("data")).put("caseId", caseId);
        send(caseId, json.writeValueAsString(erased));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode referral = json.readTree(http.exchange("/api/referrals/" + referralId, HttpMethod.GET,
                    new HttpEntity<>(staff), String.class).getBody());
            assertThat(referral.path("client").isNull()).isTrue();
            assertThat(referral.path("status").asText()).isEqualTo("RECEIVED");
        });
        assertThat(vault.holdsKeyOf(caseId)).isFalse();
    }

    @Test
    void what_partner_staff_write_about_a_client_is_sealed_in_the_event_store_and_gone_after_erasure_and_a_rebuild()
            throws Exception {
        String partner = created(post("/api/partners", PARTNER));
        String offer = created(post("/api/partners/" + partner + "/offers", OFFER.formatted(3)));
        String caseId = UUID.randomUUID().toString();
        String declined = UUID.randomUUID().toString();
        String completed = UUID.randomUUID().toString();
        String withdrawn = UUID.randomUUID().toString();
        String declineMarker = "Absage-" + UUID.randomUUID();
        String completionMarker = "Abschluss-" + UUID.randomUUID();
        String withdrawalMarker = "Rueckzug-" + UUID.randomUUID();
        for (String referralId : List.of(declined, completed, withdrawn)) {
            send(caseId, referralMade(partner, offer, referralId, caseId));
        }
        TestTokens.signIn(http, TestTokens.partnerStaff(TestTokens.TENANT, "partner-test", partner));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json.readTree(
                http.getForObject("/api/partners/" + partner + "/referrals", String.class)).path("items")).hasSize(3));

        assertThat(post("/api/referrals/" + declined + "/decline",
                "{\"reason\":\"CLIENT_NOT_REACHED\",\"comment\":\"" + declineMarker + "\"}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post("/api/referrals/" + completed + "/accept", "{}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post("/api/referrals/" + completed + "/complete",
                "{\"result\":\"GOAL_REACHED\",\"comment\":\"" + completionMarker + "\"}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        ObjectNode withdrawal = (ObjectNode) json.readTree(Fixtures.json(ReferralWithdrawn.TYPE));
        withdrawal.put("id", UUID.randomUUID().toString()).put("aggregateId", caseId);
        ((ObjectNode) withdrawal.path("data")).put("caseId", caseId).put("referralId", withdrawn)
                .put("partnerId", partner).put("sealedReason", vault.seal(TestTokens.TENANT, caseId, withdrawalMarker).data());
        send(caseId, json.writeValueAsString(withdrawal));

        Map<String, String> comments = Map.of(declined, declineMarker, completed, completionMarker,
                withdrawn, withdrawalMarker);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> comments.forEach((referralId, marker) ->
                assertThat(referral(referralId).path("comment").asText()).as("comment of " + referralId)
                        .isEqualTo(marker)));

        String[] markers = comments.values().toArray(String[]::new);
        for (String table : List.of("domainevententry", "snapshotevententry")) {
            for (byte[] payload : jdbc.queryForList("select payload from " + table, byte[].class)) {
                assertThat(new String(payload, StandardCharsets.UTF_8)).as(table).doesNotContain(markers);
            }
        }
        assertThat(TopicReader.find(EmbeddedInfra.shared().kafka().adminConfig(), Topics.PARTNER,
                r -> comments.values().stream().anyMatch(r.value()::contains), Duration.ofSeconds(5))).isEmpty();

        vault.shred(TestTokens.TENANT, caseId);
        ObjectNode erased = (ObjectNode) json.readTree(Fixtures.json(ClientErased.TYPE));
        erased.put("id", UUID.randomUUID().toString()).put("aggregateId", caseId);
        ((ObjectNode) erased.path("data")).put("caseId", caseId);
        send(caseId, json.writeValueAsString(erased));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertInboxForgot(partner, comments, markers));

        StreamingEventProcessor inbox = processing.eventProcessor("partner-views", StreamingEventProcessor.class)
                .orElseThrow();
        inbox.shutDown();
        inbox.resetTokens();
        inbox.start();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertInboxForgot(partner, comments, markers));
    }

    /** The referrals still count in the inbox with their status, and no comment or marker is left in it. */
    private void assertInboxForgot(String partner, Map<String, String> comments, String... markers) throws Exception {
        ResponseEntity<String> inbox = http.getForEntity("/api/partners/" + partner + "/referrals", String.class);
        assertThat(inbox.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(inbox.getBody()).path("items")).hasSize(3);
        assertThat(inbox.getBody()).doesNotContain(markers);
        for (String referralId : comments.keySet()) {
            JsonNode referral = referral(referralId);
            assertThat(referral.path("comment").isNull()).isTrue();
            assertThat(referral.path("client").isNull()).isTrue();
        }
        assertThat(referral(comments.keySet().stream().sorted().findFirst().orElseThrow()).path("status").asText())
                .isIn("DECLINED", "COMPLETED", "WITHDRAWN");
        for (Document document : mongo.getCollection("referral_inbox").find()) {
            assertThat(document.toJson()).doesNotContain(markers);
        }
    }

    private JsonNode referral(String referralId) {
        ResponseEntity<String> answer = http.getForEntity("/api/referrals/" + referralId, String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        try {
            return json.readTree(answer.getBody());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void a_decline_stored_in_revision_1_is_sealed_on_reading_shown_to_the_partner_and_loaded_by_the_aggregate()
            throws Exception {
        String partner = created(post("/api/partners", PARTNER));
        String offer = created(post("/api/partners/" + partner + "/offers", OFFER.formatted(3)));
        String referralId = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        send(caseId, referralMade(partner, offer, referralId, caseId));
        TestTokens.signIn(http, TestTokens.partnerStaff(TestTokens.TENANT, "partner-test", partner));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(referral(referralId).path("status").asText()).isEqualTo("RECEIVED"));

        // A decline as an older release stored it: revision 1, the comment in plain text.
        String key = TestTokens.TENANT + ":" + partner;
        long next = jdbc.queryForObject("select max(sequencenumber) from domainevententry where aggregateidentifier = ?",
                Long.class, key) + 1;
        String payload = "{\"partnerId\":{\"value\":\"" + partner + "\"},\"referralId\":{\"value\":\"" + referralId
                + "\"},\"caseId\":\"" + caseId + "\",\"reason\":\"NOT_ELIGIBLE\",\"comment\":\"alte Notiz\"}";
        jdbc.update("insert into domainevententry (eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp,"
                        + " payloadType, payloadRevision, payload, metaData) values (?, ?, ?, 'PartnerAggregate', ?, ?, '1', ?, ?)",
                UUID.randomUUID().toString(), key, next, java.time.Instant.now().toString(),
                "de.kim.partners.api.ReferralDeclinedEvent", payload.getBytes(StandardCharsets.UTF_8),
                "{\"tenant\":\"kreis-mettmann\",\"actor\":\"ps-alt\"}".getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode declined = referral(referralId);
            assertThat(declined.path("status").asText()).isEqualTo("DECLINED");
            assertThat(declined.path("comment").asText()).isEqualTo("alte Notiz");
        });
        // The aggregate reads it too: the referral is answered.
        assertThat(post("/api/referrals/" + referralId + "/accept", "{}").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void a_referral_naming_a_client_of_another_tenant_goes_to_the_dead_letter_topic_and_the_next_is_received() throws Exception {
        String partner = created(post("/api/partners", PARTNER));
        String offer = created(post("/api/partners/" + partner + "/offers", OFFER.formatted(3)));
        // A client of Mettmann, and a record that says it is Musterland's referral to Mettmann's partner.
        String mettmannCase = UUID.randomUUID().toString();
        String forgedReferral = UUID.randomUUID().toString();
        ObjectNode forged = (ObjectNode) json.readTree(referralMade(partner, offer, forgedReferral, mettmannCase));
        forged.put("tenant", TestTokens.OTHER_TENANT);
        String goodReferral = UUID.randomUUID().toString();
        String goodCase = UUID.randomUUID().toString();

        // Written with case-service's own credentials: the broker lets it write its topic, so only the check stops it.
        try (KafkaProducer<String, String> caseService = new KafkaProducer<>(
                EmbeddedInfra.shared().kafka().clientConfig("case-service"), new StringSerializer(), new StringSerializer())) {
            caseService.send(new ProducerRecord<>(Topics.CASE, mettmannCase, json.writeValueAsString(forged))).get();
        }
        send(goodCase, referralMade(partner, offer, goodReferral, goodCase));

        TestTokens.signIn(http, TestTokens.partnerStaff(TestTokens.TENANT, "partner-test", partner));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> inbox = new java.util.ArrayList<>();
            json.readTree(http.getForObject("/api/partners/" + partner + "/referrals", String.class)).path("items")
                    .forEach(referral -> inbox.add(referral.path("id").asText()));
            assertThat(inbox).containsExactly(goodReferral);
        });
        ConsumerRecord<String, String> dead = TopicReader.findOnceCreated(EmbeddedInfra.shared().kafka().adminConfig(),
                Topics.deadLetterOf(Topics.CASE), record -> record.value().contains(forgedReferral), Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("the forged referral is not on the dead-letter topic"));
        String reason = new String(dead.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8);
        assertThat(reason).contains("not a client of tenant " + TestTokens.OTHER_TENANT).doesNotContain("Amina");
    }

    @Test
    void a_referral_with_an_unknown_code_and_one_of_an_unknown_version_go_to_the_dead_letter_topic_and_the_next_is_received()
            throws Exception {
        String partner = created(post("/api/partners", PARTNER));
        String offer = created(post("/api/partners/" + partner + "/offers", OFFER.formatted(5)));
        String firstReferral = UUID.randomUUID().toString();
        String firstCase = UUID.randomUUID().toString();
        String poisonCase = UUID.randomUUID().toString();
        String poisonReferral = UUID.randomUUID().toString();
        ObjectNode poison = (ObjectNode) json.readTree(referralMade(partner, offer, poisonReferral, poisonCase));
        ((ObjectNode) poison.path("data")).put("fieldOfAction", "UNDERWATER_BASKET_WEAVING");
        // A newer publisher's version this consumer has no reader for: its shape is not known.
        String newerCase = UUID.randomUUID().toString();
        String newerReferral = UUID.randomUUID().toString();
        ObjectNode newer = (ObjectNode) json.readTree(referralMade(partner, offer, newerReferral, newerCase));
        newer.put("version", ReferralMade.TYPE.version() + 1);
        String goodReferral = UUID.randomUUID().toString();
        String goodCase = UUID.randomUUID().toString();

        // One key: the four records share a partition, in this order.
        String key = UUID.randomUUID().toString();
        send(key, referralMade(partner, offer, firstReferral, firstCase));
        send(key, json.writeValueAsString(poison));
        send(key, json.writeValueAsString(newer));
        send(key, referralMade(partner, offer, goodReferral, goodCase));

        TestTokens.signIn(http, TestTokens.partnerStaff(TestTokens.TENANT, "partner-test", partner));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> inbox = new java.util.ArrayList<>();
            json.readTree(http.getForObject("/api/partners/" + partner + "/referrals", String.class)).path("items")
                    .forEach(referral -> inbox.add(referral.path("id").asText()));
            assertThat(inbox).containsExactlyInAnyOrder(firstReferral, goodReferral);
        });
        assertThat(deadLetterReason(poisonReferral)).contains("unknown code 'UNDERWATER_BASKET_WEAVING' in fieldOfAction");
        assertThat(deadLetterReason(newerReferral)).contains("version " + (ReferralMade.TYPE.version() + 1)
                + " of kim.case.ReferralMade is not one this consumer reads").doesNotContain("Amina");
    }

    private String deadLetterReason(String referralId) {
        ConsumerRecord<String, String> dead = TopicReader.findOnceCreated(EmbeddedInfra.shared().kafka().adminConfig(),
                Topics.deadLetterOf(Topics.CASE), record -> record.value().contains(referralId), Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("referral " + referralId + " is not on the dead-letter topic"));
        return new String(dead.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8);
    }

    @Test
    void partner_staffs_reads_of_the_inbox_are_recorded_per_referral_and_given_to_case_management_for_the_self_disclosure()
            throws Exception {
        String partner = created(post("/api/partners", PARTNER));
        String offer = created(post("/api/partners/" + partner + "/offers", OFFER.formatted(3)));
        String referral = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        send(caseId, referralMade(partner, offer, referral, caseId));
        TestTokens.signIn(http, TestTokens.partnerStaff(TestTokens.TENANT, "partner-test", partner));
        await().atMost(Duration.ofSeconds(30)).until(() -> http.getForObject("/api/partners/" + partner + "/referrals",
                String.class).contains(referral));

        TestTokens.signIn(http, TestTokens.token(TestTokens.TENANT, "cm-anna", Role.CASE_MANAGER));
        JsonNode entries = json.readTree(http.getForObject("/api/audit/partner-service/disclosure?subject=" + referral,
                String.class));

        assertThat(entries.findValuesAsText("actor")).contains("partner-test");
        assertThat(entries.findValuesAsText("operation")).contains("GET /api/partners/{id}/referrals");
        assertThat(entries.findValuesAsText("subject")).containsOnly(referral);
        assertThat(entries.toString()).doesNotContain("Amina", "Beispiel");
        TestTokens.signIn(http, TestTokens.token(TestTokens.OTHER_TENANT, "cm-other", Role.CASE_MANAGER));
        assertThat(json.readTree(http.getForObject("/api/audit/partner-service/disclosure?subject=" + referral,
                String.class))).as("another tenant's entries are not given").isEmpty();
        TestTokens.signIn(http, TestTokens.partnerStaff(TestTokens.TENANT, "partner-test", partner));
        assertThat(http.getForEntity("/api/audit/partner-service/disclosure?subject=" + referral, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void a_partner_id_belongs_to_its_tenant_another_tenant_gets_its_own_partner_under_it() throws Exception {
        String id = "vhs-" + UUID.randomUUID().toString().substring(0, 8);
        HttpHeaders a = TestTokens.bearer(TestTokens.token(TestTokens.TENANT, "admin-a", Role.ADMINISTRATOR));
        HttpHeaders b = TestTokens.bearer(TestTokens.token(TestTokens.OTHER_TENANT, "admin-b", Role.ADMINISTRATOR));
        String partnerOfB = PARTNER.replace("VHS Velbert", "VHS Musterstadt").replace("\"Velbert\"", "\"Musterstadt\"");
        assertThat(put("/api/partners/" + id, PARTNER, a).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        // Tenant B chooses the same id: it gets a partner of its own, exactly as if the id were unused anywhere.
        ResponseEntity<String> ofB = put("/api/partners/" + id, partnerOfB, b);
        assertThat(ofB.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(json.readTree(ofB.getBody()).path("id").asText()).isEqualTo(id);
        assertThat(put("/api/partners/" + id, partnerOfB.replace("VHS Musterstadt", "VHS Musterstadt-Nord"), b)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode seenByA = json.readTree(get("/api/partners/" + id, a).getBody());
            JsonNode seenByB = json.readTree(get("/api/partners/" + id, b).getBody());
            assertThat(seenByA.path("name").asText()).isEqualTo("VHS Velbert");
            assertThat(seenByA.path("tenant").asText()).isEqualTo(TestTokens.TENANT);
            assertThat(seenByB.path("name").asText()).isEqualTo("VHS Musterstadt-Nord");
            assertThat(seenByB.path("id").asText()).isEqualTo(id);
            assertThat(seenByB.has("key")).isFalse();
        });
        JsonNode listOfA = json.readTree(get("/api/partners", a).getBody());
        JsonNode listOfB = json.readTree(get("/api/partners", b).getBody());
        assertThat(listOfA.findValuesAsText("tenant")).containsOnly(TestTokens.TENANT);
        assertThat(listOfB.findValuesAsText("tenant")).containsOnly(TestTokens.OTHER_TENANT);
        assertThat(listOfA.findValuesAsText("name")).contains("VHS Velbert").doesNotContain("VHS Musterstadt-Nord");
        assertThat(listOfB.findValuesAsText("name")).contains("VHS Musterstadt-Nord").doesNotContain("VHS Velbert");

        // Each tenant's offers go to its own partner of that id.
        HttpHeaders staffOfB = TestTokens.bearer(TestTokens.partnerStaff(TestTokens.OTHER_TENANT, "staff-b", id));
        staffOfB.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.exchange("/api/partners/" + id + "/offers", HttpMethod.POST, new HttpEntity<>(
                OFFER.formatted(3).replace("Velbert", "Musterstadt"), staffOfB), String.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json.readTree(
                get("/api/offers?town=Musterstadt", b).getBody()).findValuesAsText("partnerName")).contains("VHS Musterstadt-Nord"));
        assertThat(get("/api/offers?town=Musterstadt", a).getBody()).doesNotContain("VHS Musterstadt");
    }

    private ResponseEntity<String> put(String path, String body, HttpHeaders as) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(as);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> get(String path, HttpHeaders as) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(as), String.class);
    }

    @Test
    void the_offer_search_finds_offers_with_free_places_in_the_town_or_online() throws Exception {
        String partner = created(post("/api/partners", PARTNER));
        String full = created(post("/api/partners/" + partner + "/offers", OFFER.formatted(0)));
        String open = created(post("/api/partners/" + partner + "/offers", OFFER.formatted(4)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String found = http.getForObject("/api/offers?field=LANGUAGE&town=Velbert&language=ar&available=true"
                    + "&partner=" + partner, String.class);
            assertThat(found).contains(open).doesNotContain(full);
        });
    }

    @Test
    void bad_input_gets_problem_details_and_changes_nothing() throws Exception {
        String partner = created(post("/api/partners", PARTNER));
        assertField(post("/api/partners/" + partner + "/offers", OFFER.formatted(-1)), "capacity");
        assertField(post("/api/partners", PARTNER.replace("\"Velbert\"", "\"Köln\"")), "towns");
        assertField(post("/api/partners", PARTNER.replace("LANGUAGE_COURSE_PROVIDER", "BAKERY")), "kind");
        assertThat(post("/api/partners/unknown-partner/offers", OFFER.formatted(3)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        HttpHeaders partnerStaff = TestTokens.bearer(TestTokens.partnerStaff(TestTokens.TENANT, "partner-test", partner));
        partnerStaff.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.exchange("/api/referrals/unknown/accept", HttpMethod.POST, new HttpEntity<>("{}", partnerStaff),
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("/api/partners/" + partner + "/deactivation", "{\"reason\":\"Vertrag beendet\"}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> afterDeactivation = post("/api/partners/" + partner + "/offers", OFFER.formatted(3));
        assertThat(afterDeactivation.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json.readTree(afterDeactivation.getBody()).path("rule").asText())
                .isEqualTo("offers_need_an_active_partner");
    }

    static final String PARTNER = """
            {"name":"VHS Velbert","kind":"LANGUAGE_COURSE_PROVIDER","legalDomains":["AUFENTHG"],
             "fieldsOfAction":["LANGUAGE"],"towns":["Velbert"],"agreement":{"signedOn":"2025-01-15"}}""";
    static final String OFFER = """
            {"title":"Deutsch B1","fieldOfAction":"LANGUAGE","languages":["de","ar"],"town":"Velbert","capacity":%d}""";

    /** case-service's referral as it arrives: the released client data sealed with the client's key. */
    private String referralMade(String partner, String offer, String referralId, String caseId) throws Exception {
        ObjectNode envelope = (ObjectNode) json.readTree(Fixtures.json(ReferralMade.TYPE));
        envelope.put("id", UUID.randomUUID().toString()).put("aggregateId", caseId);
        SharedClientData client = new SharedClientData("Amina", "Beispiel", java.time.LocalDate.of(1990, 4, 12),
                List.of("ar"), null, null, null, "Velbert", null);
        ((ObjectNode) envelope.path("data")).put("caseId", caseId).put("referralId", referralId)
                .put("partnerId", partner).put("offerId", offer)
                .put("sealedClient", vault.seal(TestTokens.TENANT, caseId, client).data())
                .put("sealedNote", vault.seal(TestTokens.TENANT, caseId, "Bitte Kinderbetreuung einplanen").data());
        return json.writeValueAsString(envelope);
    }

    private static void send(String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(EmbeddedInfra.shared().kafka().adminConfig(), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.CASE, key, value)).get();
        }
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private String created(ResponseEntity<String> response) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(response.getBody()).path("id").asText();
    }

    private void assertField(ResponseEntity<String> response, String field) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(response.getBody()).findValuesAsText("field")).contains(field);
    }
}
