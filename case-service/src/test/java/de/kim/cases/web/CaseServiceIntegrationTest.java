package de.kim.cases.web;

import de.kim.platform.testing.TestTokens;
import de.kim.platform.domain.Role;
import org.junit.jupiter.api.BeforeEach;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kim.contracts.Fixtures;
import de.kim.contracts.Topics;
import de.kim.contracts.cases.CaseOpened;
import de.kim.contracts.cases.ResidenceRecordLinkRequested;
import de.kim.contracts.cases.StatusCheckRequested;
import de.kim.contracts.immigration.HandoverToCaseManagement;
import de.kim.contracts.immigration.StatusCheckAnswered;
import de.kim.platform.privacy.PersonalDataVault;
import de.kim.local.EmbeddedInfra;
import de.kim.local.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** case-service on the real parts: its event store, the Kafka broker, the Mongo-wire server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public class CaseServiceIntegrationTest {

    static final String VALID_CASE = """
            {"client":{"givenName":"Amina","familyName":"Beispiel","dateOfBirth":"1990-04-12","nationality":"SYR",
             "languages":["ar","de"],"town":"Velbert","contact":{"email":"amina.beispiel@example.org"}},
             "targetGroup":"NEWLY_ARRIVED","accessRoute":"JOBCENTER","assignee":"cm-anna"}""";

    /**
     * Where the tests open their cases: they open the same invented person again and again, so they
     * confirm the duplicate warning (DuplicateCaseIntegrationTest shows the warning itself).
     */
    public static final String OPEN_AGAIN = "/api/cases?confirmDuplicate=true";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Autowired
    TestRestTemplate http;

    @BeforeEach
    void signIn() {
        TestTokens.signIn(http, TestTokens.token(TestTokens.TENANT, "cm-anna", Role.CASE_MANAGEMENT_LEAD));
    }
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonalDataVault vault;

    @Test
    void an_opened_case_answers_201_shows_in_the_case_file_and_is_published_without_personal_data() throws Exception {
        ResponseEntity<String> created = post(VALID_CASE, null);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = json.readTree(created.getBody()).path("id").asText();
        assertThat(created.getHeaders().getLocation()).hasToString(http.getRootUri() + "/api/cases/" + id);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            ResponseEntity<String> file = http.getForEntity("/api/cases/" + id, String.class);
            assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
            JsonNode body = json.readTree(file.getBody());
            assertThat(body.at("/client/familyName").asText()).isEqualTo("Beispiel");
            assertThat(body.path("status").asText()).isEqualTo("OPEN");
            assertThat(body.path("tenant").asText()).isEqualTo("kreis-mettmann");
        });

        ConsumerRecord<String, String> record = awaitRecordWithKey(id);
        JsonNode published = json.readTree(record.value());
        JsonNode fixture = json.readTree(Fixtures.json(CaseOpened.TYPE));
        assertThat(fieldNames(published)).isEqualTo(fieldNames(fixture));
        assertThat(fieldNames(published.path("data"))).isEqualTo(fieldNames(fixture.path("data")));
        assertThat(published.path("type").asText()).isEqualTo("kim.case.CaseOpened");
        assertThat(published.path("version").asInt()).isEqualTo(1);
        assertThat(published.path("source").asText()).isEqualTo("case-service");
        assertThat(published.path("tenant").asText()).isEqualTo("kreis-mettmann");
        assertThat(published.path("actor").asText()).isEqualTo("cm-anna");
        assertThat(published.path("aggregateId").asText()).isEqualTo(id);
        assertThat(published.path("sequence").asLong()).isZero();
        assertThat(published.at("/data/town").asText()).isEqualTo("Velbert");
        assertThat(record.value()).doesNotContain("Amina", "Beispiel", "1990-04-12", "example.org");
    }

    @Test
    void another_tenants_case_is_not_found() throws Exception {
        String id = json.readTree(post(VALID_CASE, null).getBody()).path("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> http.getForEntity("/api/cases/" + id, String.class)
                .getStatusCode() == HttpStatus.OK);

        HttpHeaders otherTenant = TestTokens.bearer(
                TestTokens.token(TestTokens.OTHER_TENANT, "cm-other", Role.CASE_MANAGEMENT_LEAD));
        ResponseEntity<String> answer = http.exchange("/api/cases/" + id, org.springframework.http.HttpMethod.GET,
                new HttpEntity<>(otherTenant), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.getBody()).doesNotContain("Beispiel");
    }

    @Test
    void bad_input_gets_400_with_problem_details_naming_the_field_and_stores_nothing() throws Exception {
        long eventsBefore = storedEvents();

        assertProblem(post(VALID_CASE.replace("\"familyName\":\"Beispiel\",", ""), null),
                "urn:kim:problem:invalid-input", "client.familyName");
        assertProblem(post(VALID_CASE.replace("1990-04-12", "2990-04-12"), null),
                "urn:kim:problem:invalid-input", "client.dateOfBirth");
        assertProblem(post(VALID_CASE.replace("1990-04-12", "12.04.1990"), null),
                "urn:kim:problem:invalid-input", "client.dateOfBirth");
        assertProblem(post(VALID_CASE.replace("NEWLY_ARRIVED", "NEWCOMERS"), null),
                "urn:kim:problem:invalid-input", "targetGroup");
        assertProblem(post(VALID_CASE.replace("Velbert", "Berlin"), null),
                "urn:kim:problem:invalid-input", "client.town");
        ResponseEntity<String> malformed = post("{\"client\": {", null);
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(malformed.getBody()).path("type").asText()).isEqualTo("urn:kim:problem:malformed-json");

        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void a_need_stored_in_revision_1_is_upcast_when_the_case_is_loaded_and_projected() throws Exception {
        String caseId = json.readTree(post(VALID_CASE, null).getBody()).path("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> http.getForEntity("/api/cases/" + caseId, String.class)
                .getStatusCode() == HttpStatus.OK);
        // A need as an older release stored it: revision 1, without its day.
        String need = "legacy-" + java.util.UUID.randomUUID();
        String payload = "{\"caseId\":{\"value\":\"" + caseId + "\"},\"needId\":{\"value\":\"" + need
                + "\"},\"fieldOfAction\":\"LANGUAGE\",\"priority\":\"HIGH\",\"description\":\"alt\"}";
        jdbc.update("insert into domainevententry (eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp,"
                        + " payloadType, payloadRevision, payload, metaData) values (?, ?, 1, 'CaseAggregate', ?, ?, '1', ?, ?)",
                java.util.UUID.randomUUID().toString(), caseId, "2026-03-01T10:00:00Z",
                "de.kim.cases.api.NeedAssessedEvent", payload.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "{\"tenant\":\"kreis-mettmann\",\"actor\":\"cm-alt\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        // The aggregate reads it: the need exists and can be resolved.
        assertThat(http.postForEntity("/api/cases/" + caseId + "/needs/" + need + "/resolution", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        // The history and the case file read it too.
        assertThat(http.getForObject("/api/cases/" + caseId + "/history", String.class))
                .contains("Bedarf im Handlungsfeld Sprache erfasst");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(json.readTree(
                http.getForObject("/api/cases/" + caseId, String.class)).path("needs").findValuesAsText("status"))
                .containsExactly("RESOLVED"));
    }

    @Test
    void problems_are_german_unless_english_is_asked_for() throws Exception {
        String futureBirth = VALID_CASE.replace("1990-04-12", "2990-04-12");
        assertThat(json.readTree(post(futureBirth, null).getBody()).path("detail").asText())
                .isEqualTo("Das Geburtsdatum liegt in der Zukunft.");
        assertThat(json.readTree(post(futureBirth, "en").getBody()).path("detail").asText())
                .isEqualTo("The date of birth lies in the future.");
    }

    @Test
    void a_hand_over_waits_as_an_open_request_until_a_case_is_linked_to_its_record_and_then_becomes_its_need()
            throws Exception {
        String record = UUID.randomUUID().toString();
        String handover = UUID.randomUUID().toString();
        publishHandover(record, handover, "kreis-mettmann");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                json.readTree(get("/api/handovers", null).getBody()).findValuesAsText("handoverId")).contains(handover));
        JsonNode page = json.readTree(get("/api/handovers?residenceRecordId=" + record, null).getBody());
        assertThat(page.path("total").asLong()).isEqualTo(1);
        assertThat(page.path("size").asInt()).isEqualTo(50);
        JsonNode open = requestOf(page.path("items"), handover);
        assertThat(open.path("status").asText()).isEqualTo("OPEN");
        assertThat(open.path("fieldOfAction").asText()).isEqualTo("LANGUAGE");
        assertThat(open.path("reasonCode").asText()).isEqualTo("LANGUAGE_LEVEL_MISSING");
        assertThat(json.readTree(get("/api/handovers", "kreis-musterland").getBody()).findValuesAsText("handoverId"))
                .doesNotContain(handover);

        String caseId = json.readTree(post(VALID_CASE, null).getBody()).path("id").asText();
        assertThat(link(caseId, record).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(needs(caseId)).hasSize(1));
        JsonNode need = needs(caseId).get(0);
        assertThat(need.path("fieldOfAction").asText()).isEqualTo("LANGUAGE");
        assertThat(need.path("priority").asText()).isEqualTo("HIGH");
        assertThat(need.path("description").asText()).contains("Ausländerbehörde", "Grund: Sprachniveau fehlt noch",
                "§ 25b AufenthG").doesNotContain("LANGUAGE_LEVEL_MISSING", "AUFENTHG_25B").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        // The list is never behind the case file: once the need shows, its hand-over reads as added.
        assertThat(json.readTree(get("/api/handovers", null).getBody()).findValuesAsText("handoverId"))
                .doesNotContain(handover);
        JsonNode taken = requestOf(json.readTree(get("/api/handovers?status=ADDED_TO_CASE&size=200", null).getBody())
                .path("items"), handover);
        assertThat(taken.path("caseId").asText()).isEqualTo(caseId);
        assertThat(taken.path("needId").asText()).isEqualTo(need.path("id").asText());

        // Delivered again: nothing changes.
        publishHandover(record, handover, "kreis-mettmann");
        String marker = UUID.randomUUID().toString();
        publishHandover(record, marker, "kreis-mettmann");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(needs(caseId)).hasSize(2));
        assertThat(needs(caseId).findValuesAsText("id")).containsOnlyOnce(need.path("id").asText());
    }

    @Test
    void a_hand_over_for_a_record_an_open_case_is_linked_to_becomes_its_need_at_once_and_a_closed_case_takes_none()
            throws Exception {
        String record = UUID.randomUUID().toString();
        String caseId = json.readTree(post(VALID_CASE, null).getBody()).path("id").asText();
        link(caseId, record);
        String closedCase = json.readTree(post(VALID_CASE, null).getBody()).path("id").asText();
        String closedRecord = UUID.randomUUID().toString();
        link(closedCase, closedRecord);
        assertThat(exchange(HttpMethod.POST, "/api/cases/" + closedCase + "/closure", "{\"outcome\":\"MOVED_AWAY\"}")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        // The intake sees both links before the hand-overs arrive.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json.readTree(get("/api/cases/"
                + closedCase, null).getBody()).path("status").asText()).isEqualTo("CLOSED"));

        String handover = UUID.randomUUID().toString();
        String toClosed = UUID.randomUUID().toString();
        publishHandover(record, handover, "kreis-mettmann");
        publishHandover(closedRecord, toClosed, "kreis-mettmann");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(needs(caseId)).hasSize(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json.readTree(
                get("/api/handovers", null).getBody()).findValuesAsText("handoverId")).contains(toClosed));
        assertThat(needs(closedCase)).isEmpty();
    }

    @Test
    void a_status_check_needs_a_linked_record_and_a_consent_for_the_office_is_published_without_personal_data_and_its_answer_shows()
            throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        String caseId = json.readTree(post(VALID_CASE, null).getBody()).path("id").asText();
        String checks = "/api/cases/" + caseId + "/status-check";
        long eventsBefore = eventsOf(caseId);

        ResponseEntity<String> unlinked = exchange(HttpMethod.POST, checks, null);
        assertThat(unlinked.getStatusCode().value()).isEqualTo(422);
        assertThat(json.readTree(unlinked.getBody()).path("rule").asText())
                .isEqualTo("status_check_needs_a_linked_residence_record");
        String record = UUID.randomUUID().toString();
        link(caseId, record);
        ResponseEntity<String> unconfirmed = exchange(HttpMethod.POST, checks, null);
        assertThat(json.readTree(unconfirmed.getBody()).path("rule").asText()).isEqualTo("status_check_needs_a_confirmed_link");
        assertThat(json.readTree(unconfirmed.getBody()).path("detail").asText()).contains("noch nicht bestätigt");
        ConsumerRecord<String, String> linkRequest = TopicReader.find(EmbeddedInfra.shared().kafka().adminConfig(),
                        Topics.CASE, r -> caseId.equals(r.key()) && r.value().contains(ResidenceRecordLinkRequested.TYPE.name()),
                        Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("no ResidenceRecordLinkRequested for " + caseId));
        assertThat(json.readTree(linkRequest.value()).at("/data/residenceRecordId").asText()).isEqualTo(record);
        OfficeAnswers.answerLink(json, TestTokens.TENANT, caseId, record, true);
        await().atMost(Duration.ofSeconds(20)).until(() -> json.readTree(get("/api/cases/" + caseId, null).getBody())
                .path("residenceRecordLink").asText().equals("CONFIRMED"));
        ResponseEntity<String> withoutConsent = exchange(HttpMethod.POST, checks, null);
        assertThat(withoutConsent.getStatusCode().value()).isEqualTo(422);
        assertThat(json.readTree(withoutConsent.getBody()).path("rule").asText())
                .isEqualTo("status_check_needs_consent_for_the_immigration_office");
        assertThat(json.readTree(withoutConsent.getBody()).path("detail").asText()).contains("Einwilligung");
        assertThat(eventsOf(caseId)).as("only the link and its confirmation are stored").isEqualTo(eventsBefore + 2);

        assertThat(exchange(HttpMethod.POST, "/api/cases/" + caseId + "/consents", """
                {"recipient":"immigration-office","purposes":["RESIDENCE_MATTERS"],"dataCategories":["RESIDENCE_STATUS"],
                 "form":"WRITTEN","givenOn":"%s","validUntil":"%s"}""".formatted(today, today.plusYears(1)))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<String> asked = exchange(HttpMethod.POST, checks, null);
        assertThat(asked.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String checkId = json.readTree(asked.getBody()).path("id").asText();
        assertThat(asked.getHeaders().getLocation().getPath())
                .isEqualTo("/api/cases/" + caseId + "/status-checks/" + checkId);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get(asked.getHeaders().getLocation()
                .getPath(), null).getStatusCode()).isEqualTo(HttpStatus.OK));
        assertThat(json.readTree(get("/api/cases/" + caseId, null).getBody()).at("/statusChecks/0/residenceRecordId")
                .asText()).isEqualTo(record);

        ConsumerRecord<String, String> published = TopicReader.find(EmbeddedInfra.shared().kafka().adminConfig(),
                        Topics.CASE, r -> caseId.equals(r.key()) && r.value().contains(StatusCheckRequested.TYPE.name()),
                        Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("no StatusCheckRequested for " + caseId));
        JsonNode envelope = json.readTree(published.value());
        JsonNode fixture = json.readTree(Fixtures.json(StatusCheckRequested.TYPE));
        assertThat(fieldNames(envelope)).isEqualTo(fieldNames(fixture));
        assertThat(fieldNames(envelope.path("data"))).isEqualTo(fieldNames(fixture.path("data")));
        assertThat(envelope.at("/data/statusCheckId").asText()).isEqualTo(checkId);
        assertThat(envelope.at("/data/residenceRecordId").asText()).isEqualTo(record);
        assertThat(published.value()).doesNotContain("Amina", "Beispiel", "1990-04-12", "example.org");

        // The office answers; the answer arrives sealed with the client's key, twice, and shows once.
        StatusCheckAnswered.Answer given = new StatusCheckAnswered.Answer("DULDUNG", "§ 60a AufenthG",
                today.plusMonths(4), "AUFENTHG_25B", "REQUIREMENTS_MET_SOON", "Nach dem B1-Zertifikat beantragen");
        String sealedAnswer = vault.seal(TestTokens.TENANT, caseId, given).data();
        publishAnswer(caseId, record, checkId, sealedAnswer);
        publishAnswer(caseId, record, checkId, sealedAnswer);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode file = json.readTree(get("/api/cases/" + caseId, null).getBody());
            assertThat(file.at("/statusChecks/0/answeredOn").asText()).isEqualTo(today.toString());
            assertThat(file.at("/statusChecks/0/answer/note").asText()).isEqualTo("Nach dem B1-Zertifikat beantragen");
            assertThat(file.at("/residenceStatus/statusType").asText()).isEqualTo("DULDUNG");
            assertThat(file.at("/residenceStatus/validUntil").asText()).isEqualTo(today.plusMonths(4).toString());
        });
        assertThat(json.readTree(http.getForObject("/api/cases/" + caseId + "/history", String.class))
                .findValuesAsText("type")).containsOnlyOnce("StatusCheckAnswered");
        assertThat(jdbc.query("select payload from domainevententry where aggregateIdentifier = ?",
                (rs, n) -> new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8), caseId))
                .as("the answer is stored sealed").isNotEmpty().noneMatch(payload -> payload.contains("B1-Zertifikat"));
    }

    private void publishAnswer(String caseId, String record, String checkId, String sealedAnswer) throws Exception {
        ObjectNode envelope = (ObjectNode) json.readTree(Fixtures.json(StatusCheckAnswered.TYPE));
        envelope.put("id", UUID.randomUUID().toString()).put("tenant", TestTokens.TENANT).put("aggregateId", record);
        ((ObjectNode) envelope.path("data")).put("caseId", caseId).put("residenceRecordId", record)
                .put("statusCheckId", checkId).put("sealedAnswer", sealedAnswer)
                .put("answeredOn", LocalDate.now(ZoneId.of("Europe/Berlin")).toString());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(EmbeddedInfra.shared().kafka().adminConfig(),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.IMMIGRATION, record, json.writeValueAsString(envelope))).get();
        }
    }

    @Test
    void hand_over_requests_refuse_an_unknown_status_and_an_unknown_case_cannot_ask_for_a_status_check()
            throws Exception {
        ResponseEntity<String> badStatus = get("/api/handovers?status=DONE", null);
        assertThat(badStatus.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(badStatus.getBody()).path("errors").findValuesAsText("field")).contains("status");
        for (String bad : List.of("size=201", "page=-1", "sort=reasonCode", "field=UNDERWATER")) {
            ResponseEntity<String> refused = get("/api/handovers?" + bad, null);
            assertThat(refused.getStatusCode()).as(bad).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(json.readTree(refused.getBody()).path("detail").asText()).as(bad).isNotBlank();
        }
        String handover = UUID.randomUUID().toString();
        publishHandover(UUID.randomUUID().toString(), handover, "kreis-mettmann");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json.readTree(
                get("/api/handovers?field=LANGUAGE&size=200", null).getBody()).findValuesAsText("handoverId")).contains(handover));
        JsonNode language = json.readTree(get("/api/handovers?status=ALL&field=LANGUAGE&size=1&sort=handedOverOn,asc", null)
                .getBody());
        assertThat(language.path("items").size()).isEqualTo(1);
        assertThat(language.path("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(language.path("items").findValuesAsText("fieldOfAction")).containsOnly("LANGUAGE");
        assertThat(json.readTree(get("/api/handovers?field=HOUSING&size=200", null).getBody()).findValuesAsText("handoverId"))
                .doesNotContain(handover);
        assertThat(exchange(HttpMethod.POST, "/api/cases/" + UUID.randomUUID() + "/status-check", null)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private void publishHandover(String record, String handoverId, String tenant) throws Exception {
        ObjectNode envelope = (ObjectNode) json.readTree(Fixtures.json(HandoverToCaseManagement.TYPE));
        envelope.put("id", UUID.randomUUID().toString()).put("tenant", tenant).put("aggregateId", record);
        ((ObjectNode) envelope.path("data")).put("recordId", record).put("handoverId", handoverId);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(EmbeddedInfra.shared().kafka().adminConfig(), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.IMMIGRATION, record, json.writeValueAsString(envelope))).get();
        }
    }

    private static JsonNode requestOf(JsonNode list, String handoverId) {
        for (JsonNode request : list) {
            if (request.path("handoverId").asText().equals(handoverId)) {
                return request;
            }
        }
        throw new AssertionError("no hand-over request " + handoverId + " in " + list);
    }

    private JsonNode needs(String caseId) throws Exception {
        return json.readTree(get("/api/cases/" + caseId, null).getBody()).path("needs");
    }

    private ResponseEntity<String> link(String caseId, String record) {
        ResponseEntity<String> linked = exchange(HttpMethod.PUT, "/api/cases/" + caseId + "/residence-record",
                "{\"residenceRecordId\":\"" + record + "\"}");
        assertThat(linked.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        return linked;
    }

    private ResponseEntity<String> get(String path, String tenant) {
        HttpHeaders headers = tenant == null ? new HttpHeaders()
                : TestTokens.bearer(TestTokens.token(tenant, "cm-other", Role.CASE_MANAGEMENT_LEAD));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private ResponseEntity<String> exchange(HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> post(String body, String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (language != null) {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        return http.postForEntity(OPEN_AGAIN, new HttpEntity<>(body, headers), String.class);
    }

    private void assertProblem(ResponseEntity<String> response, String type, String field) throws Exception {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.path("type").asText()).isEqualTo(type);
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        assertThat(fields).contains(field);
    }

    private long storedEvents() {
        return jdbc.queryForObject("select count(*) from domainevententry", Long.class);
    }

    private long eventsOf(String aggregateId) {
        return jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ?", Long.class,
                aggregateId);
    }

    private ConsumerRecord<String, String> awaitRecordWithKey(String key) {
        return TopicReader.find(EmbeddedInfra.shared().kafka().adminConfig(), Topics.CASE,
                        record -> key.equals(record.key()), Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("no record with key " + key + " on " + Topics.CASE));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
