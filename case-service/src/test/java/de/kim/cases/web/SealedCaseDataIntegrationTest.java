package de.kim.cases.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kim.contracts.EventType;
import de.kim.contracts.Fixtures;
import de.kim.contracts.Topics;
import de.kim.contracts.cases.ClientErased;
import de.kim.contracts.partners.OfferPublished;
import de.kim.contracts.partners.PartnerRegistered;
import de.kim.contracts.partners.ReferralCompleted;
import de.kim.contracts.partners.ReferralDeclined;
import de.kim.local.EmbeddedInfra;
import de.kim.local.TopicReader;
import de.kim.platform.privacy.PersonalDataVault;
import de.kim.platform.readmodel.AxonReadModel;
import de.kim.platform.domain.Role;
import de.kim.platform.testing.TestTokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Everything typed about a client is sealed: a unique marker put into every free-text field
 * through the API (and into the partner's answers on Kafka) is shown to the case manager, but
 * is in no event store row and no Kafka record; after the client's erasure no answer shows it,
 * the case list keeps working for everyone, and a rebuilt case-file projection cannot read it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SealedCaseDataIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
        NoPeerReads.register(registry);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonalDataVault vault;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("caseFilesReadModel")
    AxonReadModel caseFiles;

    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));

    @BeforeEach
    void signIn() {
        TestTokens.signIn(http, TestTokens.token(TestTokens.TENANT, "cm-anna", Role.CASE_MANAGEMENT_LEAD));
    }

    @Test
    void no_text_typed_about_a_client_is_readable_in_the_stores_or_after_erasure_even_after_a_rebuild()
            throws Exception {
        String marker = "MARKER" + UUID.randomUUID().toString().replace("-", "");
        String partner = UUID.randomUUID().toString();
        String offer = UUID.randomUUID().toString();
        publishPartnerWithOffer(partner, offer);
        String other = opened("Beispiel", "Amina");
        String caseId = opened(marker + "-familyName", marker + "-givenName");

        String consent = created("/api/cases/" + caseId + "/consents", """
                {"recipient":"%s","purposes":["REFERRAL"],"dataCategories":["IDENTITY","NEEDS"],
                 "form":"WRITTEN","givenOn":"%s","validUntil":"%s","evidenceReference":"%s-evidence"}"""
                .formatted(partner, today, today.plusYears(1), marker));
        assertThat(consent).isNotBlank();
        String need = created("/api/cases/" + caseId + "/needs",
                "{\"fieldOfAction\":\"LANGUAGE\",\"priority\":\"HIGH\",\"description\":\"" + marker + "-need\"}");
        ok(HttpMethod.PUT, "/api/cases/" + caseId + "/needs/" + need,
                "{\"priority\":\"MEDIUM\",\"description\":\"" + marker + "-need-updated\"}");
        JsonNode goals = json.readTree(exchange(HttpMethod.PUT, "/api/cases/" + caseId + "/plan", """
                {"agreedOn":"%s","goals":[{"fieldOfAction":"LANGUAGE","description":"%s-goal-1","targetDate":"%s"},
                 {"fieldOfAction":"HOUSING","description":"%s-goal-2","targetDate":"%s"}]}"""
                .formatted(today, marker, today.plusMonths(6), marker, today.plusMonths(9))).getBody()).path("goalIds");
        ok(HttpMethod.POST, "/api/cases/" + caseId + "/plan/goals/" + goals.get(1).asText() + "/drop",
                reason(marker + "-goal-dropped"));
        awaitPartnerOffer(partner, offer);

        String declined = created("/api/cases/" + caseId + "/referrals", referral(partner, offer, need,
                marker + "-note-1"));
        publishAnswer(ReferralDeclined.TYPE, caseId, declined, partner, "reason", marker + "-declined");
        awaitReferral(caseId, declined, "DECLINED");
        String completed = created("/api/cases/" + caseId + "/referrals", referral(partner, offer, need,
                marker + "-note-2"));
        publishAnswer(ReferralCompleted.TYPE, caseId, completed, partner, "result", marker + "-result");
        awaitReferral(caseId, completed, "COMPLETED");
        String withdrawn = created("/api/cases/" + caseId + "/referrals", referral(partner, offer, need,
                marker + "-note-3"));
        ok(HttpMethod.POST, "/api/cases/" + caseId + "/referrals/" + withdrawn + "/withdrawal",
                reason(marker + "-withdrawn"));

        String first = created("/api/cases/" + caseId + "/measures", measure(need, today, today.plusMonths(3),
                marker + "-provider-1"));
        String second = created("/api/cases/" + caseId + "/measures", measure(need, today.plusMonths(1),
                today.plusMonths(4), marker + "-provider-2"));
        ok(HttpMethod.POST, "/api/cases/" + caseId + "/measures/" + second + "/confirmation",
                "{\"justification\":\"" + marker + "-justification\"}");
        ok(HttpMethod.POST, "/api/cases/" + caseId + "/measures/" + first + "/withdrawal",
                reason(marker + "-measure-withdrawn"));
        created("/api/cases/" + caseId + "/follow-ups", "{\"dueOn\":\"" + today.plusDays(1) + "\",\"subject\":\""
                + marker + "-follow-up\"}");
        ok(HttpMethod.POST, "/api/cases/" + caseId + "/themes", "{\"freeText\":\"" + marker + "-theme\"}");
        ok(HttpMethod.POST, "/api/cases/" + caseId + "/handover",
                "{\"toCaseManager\":\"cm-bob\",\"note\":\"" + marker + "-handover\"}");
        ok(HttpMethod.POST, "/api/cases/" + caseId + "/closure",
                "{\"outcome\":\"MOVED_AWAY\",\"note\":\"" + marker + "-closure\"}");
        ok(HttpMethod.POST, "/api/cases/" + caseId + "/reopening", reason(marker + "-reopened"));
        for (String block : List.of("legal-hold", "dispute")) {
            ok(HttpMethod.PUT, "/api/cases/" + caseId + "/" + block,
                    "{\"active\":true,\"reason\":\"" + marker + "-" + block + "-on\"}");
            ok(HttpMethod.PUT, "/api/cases/" + caseId + "/" + block,
                    "{\"active\":false,\"reason\":\"" + marker + "-" + block + "-off\"}");
        }

        // The case manager reads what was typed ...
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("/api/cases/" + caseId).getBody())
                .contains(marker + "-need-updated", marker + "-goal-1", marker + "-goal-dropped", marker + "-declined",
                        marker + "-result", marker + "-withdrawn", marker + "-provider-2", marker + "-justification",
                        marker + "-follow-up", marker + "-theme", marker + "-handover", marker + "-evidence"));
        assertThat(get("/api/cases/" + caseId + "/history").getBody()).contains(
                marker + "-reopened", marker + "-legal-hold-on", marker + "-measure-withdrawn");
        assertHistoryReadsAsSentences(caseId);
        // ... but no event store row holds it.
        assertThat(storedPayloadsWith(marker)).as("event store rows holding the marker").isZero();
        // The search finds the client by name until the erasure (assertNothingReadableOf: not after it).
        assertThat(found(marker)).containsExactly(caseId);

        ok(HttpMethod.POST, "/api/cases/" + caseId + "/erasure",
                "{\"ground\":\"LAWFUL_REQUEST\",\"reference\":\"" + marker + "-erasure\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> !vault.holdsKeyOf(caseId));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json.readTree(
                get("/api/cases/" + caseId).getBody()).path("erasedOn").isNull()).isFalse());

        assertThat(storedPayloadsWith(marker)).as("event store rows holding the marker").isZero();
        assertThat(TopicReader.find(EmbeddedInfra.shared().kafka().adminConfig(), Topics.CASE,
                r -> caseId.equals(r.key()) && r.value().contains(ClientErased.TYPE.name()), Duration.ofSeconds(30)))
                .as("the erasure is published").isPresent();
        assertThat(TopicReader.find(EmbeddedInfra.shared().kafka().adminConfig(), Topics.CASE,
                r -> r.value().contains(marker), Duration.ofSeconds(10))).as("a record on kim.case.v1 with the marker")
                .isEmpty();
        assertNothingReadableOf(caseId, marker, other);

        // A rebuild of the case files from the events cannot read the erased client either.
        caseFiles.rebuild();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ResponseEntity<String> file = get("/api/cases/" + caseId);
            assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(json.readTree(file.getBody()).path("erasedOn").isNull()).isFalse();
            assertThat(json.readTree(get("/api/cases/" + other).getBody()).at("/client/familyName").asText())
                    .isEqualTo("Beispiel");
        });
        assertNothingReadableOf(caseId, marker, other);
    }

    /** Case file, history, lists, follow-ups and self-disclosure answer, without the marker; the other case is whole. */
    private void assertNothingReadableOf(String caseId, String marker, String other) throws Exception {
        for (String path : List.of("/api/cases/" + caseId, "/api/cases/" + caseId + "/history",
                "/api/cases/" + caseId + "/self-disclosure", "/api/cases", "/api/cases?status=CLOSED",
                "/api/cases?town=Velbert", "/api/follow-ups?dueBy=" + today.plusDays(30))) {
            ResponseEntity<String> answer = get(path);
            assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            assertThat(answer.getBody()).as(path).doesNotContain(marker).doesNotContain("null, null");
        }
        assertThat(found(marker)).as("cases the search by the erased name finds").isEmpty();
        assertThat(found(marker.substring(0, 12) + " 12.04.1990")).as("cases found by name and date of birth").isEmpty();
        JsonNode erased = lineOf(get("/api/cases?size=200").getBody(), caseId);
        assertThat(erased.path("familyName").asText()).isEqualTo("gelöscht");
        assertThat(erased.path("givenName").asText()).isEmpty();
        assertThat(erased.path("town").asText()).isEqualTo("Velbert");
        assertThat(erased.path("erased").asBoolean()).isTrue();
        assertThat(lineOf(get("/api/cases?status=CLOSED&size=200").getBody(), caseId).path("status").asText()).isEqualTo("CLOSED");
        JsonNode whole = lineOf(get("/api/cases?size=200").getBody(), other);
        assertThat(whole.path("familyName").asText()).isEqualTo("Beispiel");
        assertThat(whole.path("givenName").asText()).isEqualTo("Amina");
        assertThat(whole.path("erased").asBoolean()).isFalse();
        JsonNode file = json.readTree(get("/api/cases/" + caseId).getBody());
        assertThat(file.at("/needs/0/description").asText()).isEmpty();
        assertThat(file.at("/needs/0/description").isNull()).isFalse();
    }

    /** The ids of the cases the case list's search finds. */
    private List<String> found(String search) throws Exception {
        ResponseEntity<String> answer = get("/api/cases?size=200&q=" + search.replace(" ", "+"));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return json.readTree(answer.getBody()).path("items").findValuesAsText("id");
    }

    private JsonNode lineOf(String list, String caseId) throws Exception {
        for (JsonNode line : json.readTree(list).path("items")) {
            if (line.path("id").asText().equals(caseId)) {
                return line;
            }
        }
        throw new AssertionError("case " + caseId + " not listed in " + list);
    }

    private long storedPayloadsWith(String marker) {
        byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
        return jdbc.query("select payload from domainevententry", (rs, n) -> rs.getBytes(1)).stream()
                .filter(payload -> new String(payload, StandardCharsets.ISO_8859_1)
                        .contains(new String(needle, StandardCharsets.ISO_8859_1)))
                .count();
    }

    private String opened(String familyName, String givenName) throws Exception {
        String id = created(CaseServiceIntegrationTest.OPEN_AGAIN, """
                {"client":{"givenName":"%s","familyName":"%s","dateOfBirth":"1990-04-12","nationality":"SYR",
                 "languages":["ar"],"town":"Velbert"},"targetGroup":"NEWLY_ARRIVED","accessRoute":"JOBCENTER",
                 "assignee":"cm-anna"}""".formatted(givenName, familyName));
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/cases/" + id).getStatusCode() == HttpStatus.OK);
        return id;
    }

    /** Waits until the partner directory knows the offer (from kim.partner.v1): refused then for want of consent only. */
    private void awaitPartnerOffer(String partner, String offer) throws Exception {
        String probeCase = opened("Fall", "Probe");
        String probeNeed = created("/api/cases/" + probeCase + "/needs",
                "{\"fieldOfAction\":\"LANGUAGE\",\"priority\":\"MEDIUM\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            ResponseEntity<String> answer = exchange(HttpMethod.POST, "/api/cases/" + probeCase + "/referrals",
                    referral(partner, offer, probeNeed, null));
            return answer.getBody() != null && answer.getBody().contains("referral_needs_consent_for_the_partner");
        });
    }

    private void awaitReferral(String caseId, String referralId, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode referrals = json.readTree(get("/api/cases/" + caseId).getBody()).path("referrals");
            boolean found = false;
            for (JsonNode referral : referrals) {
                found |= referral.path("id").asText().equals(referralId) && referral.path("status").asText().equals(status);
            }
            assertThat(found).as("referral %s %s", referralId, status).isTrue();
        });
    }

    private static String referral(String partner, String offer, String need, String note) {
        return "{\"partnerId\":\"" + partner + "\",\"offerId\":\"" + offer + "\",\"needId\":\"" + need + "\""
                + (note == null ? "" : ",\"note\":\"" + note + "\"") + "}";
    }

    private static String measure(String need, LocalDate from, LocalDate to, String provider) {
        return "{\"kind\":\"LANGUAGE_COURSE\",\"needId\":\"" + need + "\",\"fundedBy\":\"SGB_II\",\"from\":\"" + from
                + "\",\"to\":\"" + to + "\",\"provider\":\"" + provider + "\"}";
    }

    private static String reason(String reason) {
        return "{\"reason\":\"" + reason + "\"}";
    }

    /**
     * Each line of the history is a sentence: labels instead of codes, the partner's name and the
     * offer's title instead of their ids, days as tt.mm.jjjj; no code, id or ISO date anywhere.
     */
    private void assertHistoryReadsAsSentences(String caseId) throws Exception {
        List<String> lines = json.readTree(get("/api/cases/" + caseId + "/history").getBody()).findValuesAsText("text");
        java.time.format.DateTimeFormatter german = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");
        assertThat(lines).contains(
                "Fall eröffnet (Zielgruppe: Neuzugewanderte; Zugang: Jobcenter), zuständig: cm-anna",
                "Einwilligung für VHS Velbert erfasst (Zwecke: Verweisung; Daten: Bedarfe, Identität), gültig bis "
                        + german.format(today.plusYears(1)),
                "Bedarf im Handlungsfeld Sprache erfasst (Priorität: hoch)",
                "Bedarf geändert (Priorität: mittel)",
                "Verweisung an VHS Velbert: Angebot „Deutsch B1 mit Kinderbetreuung“ im Handlungsfeld Sprache",
                "Maßnahme „Sprachkurs“ erfasst, gefördert nach SGB II, vom " + german.format(today) + " bis "
                        + german.format(today.plusMonths(3)),
                "Fall abgeschlossen: Verzogen");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("Die Verweisung an VHS Velbert wurde abgelehnt: "));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("Aufbewahrungspflicht: gesetzt"));
        assertThat(lines).allSatisfy(line -> assertThat(line)
                .doesNotContainPattern("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b")
                .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}")
                .doesNotContain("null"));
    }

    private void publishPartnerWithOffer(String partner, String offer) throws Exception {
        ObjectNode registered = envelope(PartnerRegistered.TYPE, partner);
        ((ObjectNode) registered.path("data")).put("partnerId", partner);
        publish(Topics.PARTNER, partner, registered);
        ObjectNode published = envelope(OfferPublished.TYPE, partner);
        ((ObjectNode) published.path("data")).put("partnerId", partner).put("offerId", offer);
        publish(Topics.PARTNER, partner, published);
    }

    private void publishAnswer(EventType type, String caseId, String referralId, String partner, String field,
                               String text) throws Exception {
        ObjectNode answer = envelope(type, partner);
        ((ObjectNode) answer.path("data")).put("caseId", caseId).put("referralId", referralId)
                .put("partnerId", partner).put(field, text);
        publish(Topics.PARTNER, partner, answer);
    }

    private ObjectNode envelope(EventType type, String aggregateId) throws Exception {
        ObjectNode envelope = (ObjectNode) json.readTree(Fixtures.json(type));
        envelope.put("id", UUID.randomUUID().toString()).put("tenant", TestTokens.TENANT).put("aggregateId", aggregateId);
        return envelope;
    }

    private void publish(String topic, String key, JsonNode value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                EmbeddedInfra.shared().kafka().adminConfig(), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, json.writeValueAsString(value))).get();
        }
    }

    private String created(String path, String body) {
        ResponseEntity<String> answer = exchange(HttpMethod.POST, path, body);
        assertThat(answer.getStatusCode()).as(path + ": " + answer.getBody()).isEqualTo(HttpStatus.CREATED);
        try {
            return json.readTree(answer.getBody()).path("id").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void ok(HttpMethod method, String path, String body) {
        ResponseEntity<String> answer = exchange(method, path, body);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as(method + " " + path + ": " + answer.getBody()).isTrue();
    }

    private ResponseEntity<String> get(String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(new HttpHeaders()), String.class);
    }

    private ResponseEntity<String> exchange(HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }
}
