package de.kim.immigration.web;

import de.kim.platform.testing.EveryOperation;
import de.kim.platform.testing.TestTokens;
import de.kim.platform.domain.Role;
import org.junit.jupiter.api.BeforeEach;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kim.contracts.EventType;
import de.kim.contracts.Fixtures;
import de.kim.contracts.Topics;
import de.kim.contracts.cases.AchievementShared;
import de.kim.contracts.cases.SharedAchievementsWithdrawn;
import de.kim.contracts.cases.ResidenceRecordLinkRequested;
import de.kim.contracts.cases.StatusCheckRequested;
import de.kim.contracts.immigration.CaseLinkAnswered;
import de.kim.contracts.immigration.HandoverToCaseManagement;
import de.kim.contracts.immigration.ResidenceStatusProgressed;
import de.kim.contracts.immigration.StatusCheckAnswered;
import de.kim.platform.privacy.PersonalDataVault;
import de.kim.platform.privacy.Sealed;
import de.kim.local.EmbeddedInfra;
import de.kim.local.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import de.kim.immigration.privacy.RecordRetentionJob;
import org.springframework.data.mongodb.core.MongoTemplate;
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
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** immigration-office-service on the real parts: its event store, the Kafka broker, the Mongo-wire server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImmigrationOfficeIntegrationTest {

    static final String RECORD = """
            {"familyName":"Testperson","givenName":"Erika","fileNumber":"ABH-T 1","dateOfBirth":"1991-02-17","nationality":"AFG","entryDate":"2016-05-02","minorChildInHousehold":false}""";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
        // Records closed today are already due, so the retention job can be watched at work.
        registry.add("kim.retention.residence-record", () -> "P0D");
    }

    @Autowired
    MongoTemplate mongo;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    RecordRetentionJob retention;

    @Autowired
    TestRestTemplate http;
    @Autowired
    PersonalDataVault vault;
    /** The case of the pinned fixtures of achievements shared and withdrawn. */
    static final String FIXTURE_CASE = "0e6a8a1e-2b7c-4a55-8f0e-3a9b1c2d4e5f";

    @BeforeEach
    void signIn() {
        TestTokens.signIn(http, TestTokens.token(TestTokens.TENANT, "abh-test", Role.IMMIGRATION_OFFICER));
    }
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    de.kim.platform.audit.AuditTrail audit;

    @Test
    void a_token_whose_roles_cannot_be_read_or_that_is_for_another_audience_opens_no_operation() throws Exception {
        EveryOperation.assertClosedToUnreadableRolesAndOtherAudiences(http, json);
    }

    @Test
    void a_language_certificate_turns_25b_from_missing_to_met_and_the_permit_is_published_without_personal_data()
            throws Exception {
        ResponseEntity<String> created = post("/api/residence-records", RECORD, null);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = json.readTree(created.getBody()).path("id").asText();
        assertThat(created.getHeaders().getLocation()).hasToString(http.getRootUri() + "/api/residence-records/" + id);

        ResponseEntity<String> duldung = post(statuses(id), status("DULDUNG", null, "2016-05-02",
                TODAY.plusDays(20).toString()), null);
        assertThat(duldung.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(duldung.getHeaders().getLocation().getPath())
                .startsWith("/api/residence-records/" + id + "/statuses/");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(requirement(id, "AUFENTHG_25B", "language").path("outcome").asText()).isEqualTo("MISSING"));
        JsonNode residence = requirement(id, "AUFENTHG_25B", "residence");
        assertThat(residence.path("outcome").asText()).isEqualTo("MET");
        assertThat(residence.path("citation").asText()).isEqualTo("§ 25b Abs. 1 Satz 2 Nr. 1 AufenthG");
        assertThat(pathway(id, "AUFENTHG_25B").at("/ruleSet/version").asInt()).isEqualTo(3);

        JsonNode expiring = json.readTree(http.getForEntity("/api/residence-records?expiringWithinDays=30",
                String.class).getBody());
        assertThat(expiring.findValuesAsText("recordId")).contains(id);
        assertThat(json.readTree(http.getForEntity("/api/residence-records?expiringWithinDays=10", String.class)
                .getBody()).findValuesAsText("recordId")).doesNotContain(id);

        ResponseEntity<String> certificate = post(achievements(id), """
                {"kind":"LANGUAGE_CERTIFICATE","level":"A2","achievedOn":"%s"}""".formatted(TODAY.minusDays(3)), null);
        assertThat(certificate.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(requirement(id, "AUFENTHG_25B", "language").path("outcome").asText()).isEqualTo("MET"));
        assertThat(http.getForEntity(certificate.getHeaders().getLocation().getPath(), String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        post(statuses(id), status("AUFENTHALTSERLAUBNIS", "§ 25b", TODAY.toString(), TODAY.plusYears(2).toString()),
                null);
        ConsumerRecord<String, String> record = awaitRecord(id, ResidenceStatusProgressed.TYPE,
                "\"toStatus\":\"AUFENTHALTSERLAUBNIS\"");
        JsonNode published = json.readTree(record.value());
        JsonNode fixture = json.readTree(Fixtures.json(ResidenceStatusProgressed.TYPE));
        assertThat(fieldNames(published)).isEqualTo(fieldNames(fixture));
        assertThat(fieldNames(published.path("data"))).isEqualTo(fieldNames(fixture.path("data")));
        assertThat(published.path("source").asText()).isEqualTo("immigration-office-service");
        assertThat(published.path("tenant").asText()).isEqualTo("kreis-mettmann");
        assertThat(published.at("/data/recordId").asText()).isEqualTo(id);
        assertThat(published.at("/data/fromStatus").asText()).isEqualTo("DULDUNG");
        assertThat(published.at("/data/toStatus").asText()).isEqualTo("AUFENTHALTSERLAUBNIS");
        assertThat(published.at("/data/legalBasis").asText()).isEqualTo("§ 25b AufenthG");
        assertThat(published.at("/data/pathway").asText()).isEqualTo("AUFENTHG_25B");
        assertThat(record.value()).doesNotContain("1991-02-17", "AFG");
    }

    @Test
    void a_hand_over_answers_201_and_is_published_with_the_field_of_action() throws Exception {
        String id = json.readTree(post("/api/residence-records", RECORD, null).getBody()).path("id").asText();
        ResponseEntity<String> handover = post("/api/residence-records/" + id + "/handover",
                "{\"fieldOfAction\":\"LANGUAGE\",\"reasonCode\":\"LANGUAGE_LEVEL_MISSING\",\"pathway\":\"AUFENTHG_25B\"}",
                null);
        assertThat(handover.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String handoverId = json.readTree(handover.getBody()).path("id").asText();
        assertThat(handover.getHeaders().getLocation().getPath())
                .isEqualTo("/api/residence-records/" + id + "/handovers/" + handoverId);

        JsonNode published = json.readTree(awaitRecord(id, HandoverToCaseManagement.TYPE, "").value());
        JsonNode fixture = json.readTree(Fixtures.json(HandoverToCaseManagement.TYPE));
        assertThat(fieldNames(published.path("data"))).isEqualTo(fieldNames(fixture.path("data")));
        assertThat(published.at("/data/fieldOfAction").asText()).isEqualTo("LANGUAGE");
        assertThat(published.at("/data/handoverId").asText()).isEqualTo(handoverId);
        assertThat(published.toString()).doesNotContain("1991-02-17", "AFG");
    }

    @Test
    void bad_input_gets_problem_details_and_changes_nothing() throws Exception {
        String id = json.readTree(post("/api/residence-records", RECORD, null).getBody()).path("id").asText();
        post(statuses(id), status("AUFENTHALTSERLAUBNIS", "§ 25b", "2018-01-01", "2020-12-31"), null);
        post(statuses(id), status("NIEDERLASSUNGSERLAUBNIS", null, "2021-01-01", null), null);
        long eventsBefore = storedEvents();

        assertProblem(post(statuses(id), status("AUFENTHALTSERLAUBNIS", "§ 25b", "2025-05-01", "2025-04-30"), null),
                400, "urn:kim:problem:invalid-input", "validUntil");
        ResponseEntity<String> backToDuldung = post(statuses(id), status("DULDUNG", null, "2025-01-01", "2025-06-30"),
                null);
        assertThat(backToDuldung.getStatusCode().value()).isEqualTo(422);
        assertThat(json.readTree(backToDuldung.getBody()).path("rule").asText()).isEqualTo("status-transition");
        assertProblem(post(achievements(id), "{\"kind\":\"LANGUAGE_CERTIFICATE\",\"level\":\"B3\",\"achievedOn\":\"2025-01-01\"}",
                null), 400, "urn:kim:problem:invalid-input", "level");
        assertProblem(post(statuses(id), status("DULDUNG", "25b", "2025-01-01", null), null), 400,
                "urn:kim:problem:invalid-input", "section");
        assertProblem(post("/api/residence-records", RECORD.replace("AFG", "Afghanistan"), null), 400,
                "urn:kim:problem:invalid-input", "nationality");
        assertProblem(post("/api/residence-records", RECORD.replace("1991-02-17", "2991-02-17"), null), 400,
                "urn:kim:problem:invalid-input", "dateOfBirth");
        assertProblem(http.getForEntity("/api/residence-records?expiringWithinDays=-1", String.class), 400,
                "urn:kim:problem:invalid-input", "expiringWithinDays");
        ResponseEntity<String> unknown = post(statuses("no-such-record"), status("DULDUNG", null, "2025-01-01",
                null), null);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void another_tenants_record_is_not_found_and_problems_are_german_unless_english_is_asked_for() throws Exception {
        String id = json.readTree(post("/api/residence-records", RECORD, null).getBody()).path("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                http.getForEntity("/api/residence-records/" + id, String.class).getStatusCode() == HttpStatus.OK);

        HttpHeaders otherTenant = TestTokens.bearer(
                TestTokens.token(TestTokens.OTHER_TENANT, "abh-other", Role.IMMIGRATION_OFFICER));
        assertThat(http.exchange("/api/residence-records/" + id, HttpMethod.GET, new HttpEntity<>(otherTenant),
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        otherTenant.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.exchange(statuses(id), HttpMethod.POST, new HttpEntity<>(status("DULDUNG", null,
                "2025-01-01", null), otherTenant), String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        String backwards = status("DULDUNG", null, "2025-05-01", "2025-04-30");
        assertThat(json.readTree(post(statuses(id), backwards, null).getBody()).path("detail").asText())
                .isEqualTo("Der Status endet, bevor er beginnt.");
        assertThat(json.readTree(post(statuses(id), backwards, "en").getBody()).path("detail").asText())
                .isEqualTo("The status ends before it starts.");
    }

    @Test
    void an_achievement_shared_by_case_management_counts_until_its_consent_ends_then_it_leaves_the_record()
            throws Exception {
        String id = json.readTree(post("/api/residence-records", RECORD, null).getBody()).path("id").asText();
        post(statuses(id), status("DULDUNG", null, "2016-05-02", TODAY.plusDays(20).toString()), null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(requirement(id, "AUFENTHG_25B", "language").path("outcome").asText()).isEqualTo("MISSING"));
        String achievement = UUID.randomUUID().toString();
        confirmedLink(id, FIXTURE_CASE);

        ObjectNode shared = (ObjectNode) json.readTree(Fixtures.json(AchievementShared.TYPE));
        shared.put("id", UUID.randomUUID().toString());
        ((ObjectNode) shared.path("data")).put("residenceRecordId", id).put("achievementId", achievement)
                .put("achievedOn", TODAY.minusDays(3).toString());
        publishCaseEvent(shared);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(requirement(id, "AUFENTHG_25B", "language").path("outcome").asText()).isEqualTo("MET"));
        assertThat(record(id).path("achievements").findValuesAsText("id")).containsExactly(achievement);

        ObjectNode withdrawn = (ObjectNode) json.readTree(Fixtures.json(SharedAchievementsWithdrawn.TYPE));
        withdrawn.put("id", UUID.randomUUID().toString());
        ((ObjectNode) withdrawn.path("data")).put("residenceRecordId", id).putArray("achievementIds").add(achievement);
        publishCaseEvent(withdrawn);
        publishCaseEvent(withdrawn);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(requirement(id, "AUFENTHG_25B", "language").path("outcome").asText()).isEqualTo("MISSING"));
        JsonNode record = record(id);
        assertThat(record.path("achievements").size()).as("achievements on the record").isZero();
        assertThat(record.toString()).doesNotContain(achievement, "LANGUAGE_CERTIFICATE");
    }

    private JsonNode record(String id) throws Exception {
        return json.readTree(http.getForEntity("/api/residence-records/" + id, String.class).getBody());
    }

    private void publishCaseEvent(ObjectNode envelope) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(EmbeddedInfra.shared().kafka().adminConfig(),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.CASE, envelope.path("aggregateId").asText(),
                    json.writeValueAsString(envelope))).get();
        }
    }

    @Test
    void deadlines_and_status_check_requests_show_in_the_responsible_officers_work_list_and_the_answer_goes_to_the_case_sealed() throws Exception {
        String id = json.readTree(post("/api/residence-records", RECORD, null).getBody()).path("id").asText();
        post(statuses(id), status("DULDUNG", null, "2016-05-02", TODAY.plusDays(20).toString()), null);
        assertThat(put("/api/residence-records/" + id + "/officer", "{\"officer\":\"abh-jonas\"}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(json.readTree(http.getForEntity(
                "/api/residence-records/" + id, String.class).getBody()).path("officer").asText()).isEqualTo("abh-jonas"));
        JsonNode mine = json.readTree(http.getForEntity("/api/residence-records?expiringWithinDays=30&officer=abh-jonas",
                String.class).getBody());
        assertThat(mine.findValuesAsText("recordId")).contains(id);
        assertThat(mine.findValuesAsText("officer")).containsOnly("abh-jonas");
        assertThat(json.readTree(http.getForEntity("/api/residence-records?expiringWithinDays=30&officer=abh-eva",
                String.class).getBody()).findValuesAsText("recordId")).doesNotContain(id);

        String check = UUID.randomUUID().toString();
        String asking = UUID.randomUUID().toString();
        vault.seal(TestTokens.TENANT, asking, "the asking client's key exists"); // as case-service made it
        requestLink(id, asking);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json.readTree(http.getForEntity(
                "/api/residence-records/work-list?officer=abh-jonas", String.class).getBody()).path("linkRequests")
                .findValuesAsText("caseId")).contains(asking));
        assertThat(post("/api/residence-records/" + id + "/case-links/" + asking + "/confirmation", "", null)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post("/api/residence-records/" + id + "/case-links/" + asking + "/refusal", "", null)
                .getStatusCode()).as("answered already").isEqualTo(HttpStatus.CONFLICT);
        // The record is a read model: it shows the answer once its processor has it.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(record(id).path("caseLinks").findValuesAsText("state")).containsExactly("CONFIRMED"));
        TopicReader.findOnceCreated(EmbeddedInfra.shared().kafka().adminConfig(), Topics.IMMIGRATION,
                r -> r.value().contains(asking) && r.value().contains(CaseLinkAnswered.TYPE.name())
                        && r.value().contains("\"confirmed\":true"), Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("the confirmation is not on " + Topics.IMMIGRATION));
        publishStatusCheck(id, check, asking);
        publishStatusCheck(id, check, asking);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json.readTree(http.getForEntity(
                "/api/residence-records/" + id, String.class).getBody()).path("statusChecks").findValuesAsText("id"))
                .containsExactly(check));
        JsonNode workList = json.readTree(http.getForEntity("/api/residence-records/work-list?officer=abh-jonas",
                String.class).getBody());
        assertThat(workList.path("deadlines").findValuesAsText("recordId")).contains(id);
        JsonNode request = null;
        for (JsonNode c : workList.path("statusChecks")) {
            if (c.path("statusCheckId").asText().equals(check)) {
                request = c;
            }
        }
        assertThat(request).as("status check in the work list: " + workList).isNotNull();
        assertThat(request.path("recordId").asText()).isEqualTo(id);
        assertThat(request.path("caseId").asText()).isNotBlank();
        assertThat(json.readTree(http.getForEntity("/api/residence-records/work-list?officer=abh-eva", String.class)
                .getBody()).path("statusChecks").findValuesAsText("statusCheckId")).doesNotContain(check);

        String completion = "/api/residence-records/" + id + "/status-checks/" + check + "/completion";
        assertProblem(post(completion, "{\"pathway\":\"AUFENTHG_25B\"}", null), 400, "urn:kim:problem:invalid-input",
                "prospect");
        assertProblem(post(completion, "{\"prospect\":\"VIELLEICHT\"}", null), 400, "urn:kim:problem:invalid-input",
                "prospect");
        assertThat(post(completion, """
                {"pathway":"AUFENTHG_25B","prospect":"REQUIREMENTS_MET_SOON","note":"Antrag nach dem B1-Zertifikat"}""",
                null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post(completion, "", null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        ConsumerRecord<String, String> answered = TopicReader.findOnceCreated(EmbeddedInfra.shared().kafka().adminConfig(),
                Topics.IMMIGRATION, r -> r.value().contains(check) && r.value().contains(StatusCheckAnswered.TYPE.name()),
                Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("no answer on " + Topics.IMMIGRATION));
        JsonNode data = json.readTree(answered.value()).path("data");
        assertThat(data.path("caseId").asText()).isEqualTo(asking);
        assertThat(answered.value()).as("the answer travels sealed").doesNotContain("B1-Zertifikat");
        assertThat(vault.open(TestTokens.TENANT, new Sealed(asking, data.path("sealedAnswer").asText()),
                StatusCheckAnswered.Answer.class)).contains(new StatusCheckAnswered.Answer("DULDUNG", "§ 60a AufenthG",
                TODAY.plusDays(20), "AUFENTHG_25B", "REQUIREMENTS_MET_SOON", "Antrag nach dem B1-Zertifikat"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(json.readTree(http.getForEntity(
                "/api/residence-records/work-list?officer=abh-jonas", String.class).getBody()).path("statusChecks")
                .findValuesAsText("statusCheckId")).doesNotContain(check));
    }

    @Test
    void a_shared_achievement_of_an_unknown_kind_goes_to_the_dead_letter_topic_and_the_next_is_recorded() throws Exception {
        String id = json.readTree(post("/api/residence-records", RECORD, null).getBody()).path("id").asText();
        String poison = UUID.randomUUID().toString();
        String good = UUID.randomUUID().toString();
        confirmedLink(id, FIXTURE_CASE);

        publishAchievement(id, poison, "TRAPEZE_DIPLOMA");
        publishAchievement(id, good, "LANGUAGE_CERTIFICATE");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json.readTree(http.getForEntity(
                "/api/residence-records/" + id, String.class).getBody()).path("achievements").findValuesAsText("id"))
                .containsExactly(good));
        ConsumerRecord<String, String> dead = TopicReader.findOnceCreated(EmbeddedInfra.shared().kafka().adminConfig(),
                Topics.deadLetterOf(Topics.CASE), record -> record.value().contains(poison), Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("the achievement of an unknown kind is not on the dead-letter topic"));
        assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                .contains("unknown code 'TRAPEZE_DIPLOMA' in kind");
    }

    @Test
    void bad_officer_input_gets_problem_details_and_changes_nothing() throws Exception {
        String id = json.readTree(post("/api/residence-records", RECORD, null).getBody()).path("id").asText();
        long eventsBefore = storedEvents();
        assertProblem(put("/api/residence-records/" + id + "/officer", "{\"officer\":\"Jonas Beispiel!\"}"), 400,
                "urn:kim:problem:invalid-input", "officer");
        assertProblem(put("/api/residence-records/" + id + "/officer", "{}"), 400, "urn:kim:problem:invalid-input",
                "officer");
        assertThat(put("/api/residence-records/no-such-record/officer", "{\"officer\":\"abh-jonas\"}")
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertProblem(http.getForEntity("/api/residence-records/work-list", String.class), 400,
                "urn:kim:problem:invalid-input", "officer");
        assertProblem(http.getForEntity("/api/residence-records/work-list?officer=abh-jonas&withinDays=5000",
                String.class), 400, "urn:kim:problem:invalid-input", "withinDays");
        assertProblem(http.getForEntity("/api/residence-records?expiringWithinDays=10&officer=a%20b", String.class),
                400, "urn:kim:problem:invalid-input", "officer");
        assertThat(post("/api/residence-records/" + id + "/status-checks/nobody-asked/completion", "", null)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void a_records_personal_data_never_reaches_the_event_store_in_plain_and_is_gone_after_erasure_and_a_rebuild()
            throws Exception {
        String marker = "Marker-" + UUID.randomUUID();
        String birth = "1962-04-09";
        String entry = "2013-11-05";
        String fileNumber = "ABH-" + marker.substring(7, 15).toUpperCase();
        String id = json.readTree(post("/api/residence-records",
                "{\"familyName\":\"Testperson\",\"givenName\":\"Erika\",\"fileNumber\":\"%s\",\"dateOfBirth\":\"%s\",\"nationality\":\"QZX\",\"entryDate\":\"%s\",\"minorChildInHousehold\":true}"
                        .formatted(fileNumber, birth, entry), null).getBody()).path("id").asText();
        post(statuses(id), status("DULDUNG", null, "2016-05-02", TODAY.plusDays(20).toString()), null);
        String record = "/api/residence-records/" + id;
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode opened = json.readTree(http.getForEntity(record, String.class).getBody());
            assertThat(opened.path("dateOfBirth").asText()).isEqualTo(birth);
            assertThat(opened.path("nationality").asText()).isEqualTo("QZX");
            assertThat(opened.path("statuses")).hasSize(1);
        });
        assertThat(requirement(id, "AUFENTHG_25A", "age").path("reason").asText()).contains("Alter");

        assertThat(put(record + "/legal-hold", "{\"active\":true,\"reason\":\"hold " + marker + "\"}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> held = post(record + "/erasure",
                "{\"ground\":\"LAWFUL_REQUEST\",\"reference\":\"ABH 2026/17\"}", null);
        assertThat(held.getStatusCode().value()).isEqualTo(422);
        assertThat(json.readTree(held.getBody()).path("detail").asText()).contains("Aufbewahrungspflicht");
        assertThat(put(record + "/legal-hold", "{\"active\":false,\"reason\":\"lifted " + marker + "\"}")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post(record + "/erasure", "{\"ground\":\"LAWFUL_REQUEST\",\"reference\":\"ABH 2026/17\"}", null)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        for (byte[] payload : jdbc.queryForList("select payload from domainevententry", byte[].class)) {
            assertThat(new String(payload, StandardCharsets.UTF_8)).doesNotContain(birth, entry, "\"QZX\"", marker);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertErasedButCounted(id, birth, entry, marker));
        ResponseEntity<String> noMore = post(statuses(id), status("DULDUNG", null, TODAY.toString(),
                TODAY.plusDays(30).toString()), null);
        assertThat(noMore.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(json.readTree(noMore.getBody()).path("detail").asText()).contains("gelöscht");

        StreamingEventProcessor projection = processing.eventProcessor("residence-records",
                StreamingEventProcessor.class).orElseThrow();
        projection.shutDown();
        projection.resetTokens();
        projection.start();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertErasedButCounted(id, birth, entry, marker));
        // the key is gone: the rebuild cannot make the search tokens again, the Aktenzeichen finds nothing
        assertThat(json.readTree(http.getForEntity("/api/residence-records?q=" + fileNumber, String.class).getBody())
                .path("total").asLong()).isZero();
        assertThat(mongo.getCollection("residence_records").find(new Document("_id", id)).first()
                .getList("searchTokens", String.class)).isEmpty();
    }

    @Test
    void a_record_stored_in_revision_1_is_sealed_on_reading_loaded_and_projected() throws Exception {
        // A record as an older release stored it: revision 1, the person's details in plain text.
        String id = "legacy-" + UUID.randomUUID();
        String payload = "{\"recordId\":{\"value\":\"" + id + "\"},\"tenant\":\"kreis-mettmann\",\"dateOfBirth\":\"1984-06-30\","
                + "\"nationality\":\"IRQ\",\"entryDate\":\"2015-10-01\",\"minorChildInHousehold\":false}";
        jdbc.update("insert into domainevententry (eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp,"
                        + " payloadType, payloadRevision, payload, metaData) values (?, ?, 0, 'ResidenceRecordAggregate', ?, ?,"
                        + " '1', ?, ?)", UUID.randomUUID().toString(), id, "2025-03-01T10:00:00Z",
                "de.kim.immigration.api.ResidenceRecordCreatedEvent", payload.getBytes(StandardCharsets.UTF_8),
                "{\"tenant\":\"kreis-mettmann\",\"actor\":\"abh-alt\"}".getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            ResponseEntity<String> record = http.getForEntity("/api/residence-records/" + id, String.class);
            assertThat(record.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(json.readTree(record.getBody()).path("dateOfBirth").asText()).isEqualTo("1984-06-30");
            assertThat(json.readTree(record.getBody()).path("nationality").asText()).isEqualTo("IRQ");
        });
        assertThat(post(statuses(id), status("DULDUNG", null, "2016-01-01", "2016-06-30"), null).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(post("/api/residence-records/" + id + "/erasure",
                "{\"ground\":\"LAWFUL_REQUEST\",\"reference\":\"ABH-ALT-1\"}", null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(json.readTree(http.getForEntity(
                "/api/residence-records/" + id, String.class).getBody()).path("dateOfBirth").isNull()).isTrue());
    }

    @Test
    void the_retention_job_erases_a_closed_record_once_its_period_has_passed_but_not_one_on_legal_hold()
            throws Exception {
        String due = json.readTree(post("/api/residence-records", RECORD, null).getBody()).path("id").asText();
        String held = json.readTree(post("/api/residence-records", RECORD, null).getBody()).path("id").asText();
        String open = json.readTree(post("/api/residence-records", RECORD, null).getBody()).path("id").asText();
        put("/api/residence-records/" + held + "/legal-hold", "{\"active\":true,\"reason\":\"Klageverfahren\"}");
        for (String id : new String[]{due, held}) {
            assertThat(post("/api/residence-records/" + id + "/closure", "{\"reason\":\"MOVED_AWAY\"}", null)
                    .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        }
        assertThat(post("/api/residence-records/" + due + "/closure", "{\"reason\":\"MOVED_AWAY\"}", null)
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(json.readTree(http.getForEntity("/api/residence-records/" + due, String.class).getBody())
                    .path("closureReason").asText()).isEqualTo("MOVED_AWAY");
            assertThat(json.readTree(http.getForEntity("/api/residence-records/" + held, String.class).getBody())
                    .path("closureReason").asText()).isEqualTo("MOVED_AWAY");
            assertThat(json.readTree(http.getForEntity("/api/residence-records/" + open, String.class).getBody())
                    .path("dateOfBirth").asText()).isEqualTo("1991-02-17");
        });

        assertThat(retention.run()).isPositive();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode erased = json.readTree(http.getForEntity("/api/residence-records/" + due, String.class).getBody());
            assertThat(erased.path("erasedOn").asText()).isEqualTo(TODAY.toString());
            assertThat(erased.path("dateOfBirth").isNull()).isTrue();
        });
        for (String kept : new String[]{held, open}) {
            JsonNode record = json.readTree(http.getForEntity("/api/residence-records/" + kept, String.class).getBody());
            assertThat(record.path("erasedOn").isNull()).isTrue();
            assertThat(record.path("dateOfBirth").asText()).isEqualTo("1991-02-17");
        }
    }

    /** The record answers 200 without personal data, still counts in the deadline list, and no read model holds a marker. */
    private void assertErasedButCounted(String id, String... markers) throws Exception {
        ResponseEntity<String> answer = http.getForEntity("/api/residence-records/" + id, String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode erased = json.readTree(answer.getBody());
        assertThat(erased.path("erasedOn").asText()).isEqualTo(TODAY.toString());
        assertThat(erased.path("dateOfBirth").isNull()).isTrue();
        assertThat(erased.path("nationality").isNull()).isTrue();
        assertThat(erased.path("entryDate").isNull()).isTrue();
        assertThat(erased.path("minorChildInHousehold").isNull()).isTrue();
        assertThat(erased.path("statuses")).hasSize(1);
        assertThat(answer.getBody()).doesNotContain(markers).doesNotContain("QZX");
        assertThat(json.readTree(http.getForEntity("/api/residence-records?expiringWithinDays=30", String.class)
                .getBody()).findValuesAsText("recordId")).contains(id);
        ResponseEntity<String> pathways = http.getForEntity("/api/residence-records/" + id + "/pathways", String.class);
        assertThat(pathways.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode screening = json.readTree(pathways.getBody());
        assertThat(screening.path("pathways")).isEmpty();
        assertThat(screening.path("notice").asText()).isEqualTo("Die personenbezogenen Daten dieser Aufenthaltsakte "
                + "wurden am " + TODAY.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))
                + " gelöscht. Eine Prüfung der Wege zu einem sicheren Aufenthalt ist nicht mehr möglich.");
        HttpHeaders english = TestTokens.bearer(TestTokens.token(TestTokens.TENANT, "abh-test", Role.IMMIGRATION_OFFICER));
        english.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
        assertThat(json.readTree(http.exchange("/api/residence-records/" + id + "/pathways", HttpMethod.GET,
                new HttpEntity<>(english), String.class).getBody()).path("notice").asText())
                .startsWith("The personal data of this residence record was erased on ");
        for (Document document : mongo.getCollection("residence_records").find()) {
            assertThat(document.toJson()).doesNotContain(markers).doesNotContain("\"QZX\"");
        }
    }

    @Test
    void screening_as_of_a_past_date_uses_the_rule_set_in_force_then_and_60b_time_does_not_count_section_60b_para_5()
            throws Exception {
        String id = json.readTree(post("/api/residence-records", RECORD, null).getBody()).path("id").asText();
        assertThat(post(statuses(id), status("DULDUNG", null, "2016-05-02", null), null).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(post(statuses(id), status("DULDUNG", "§ 60b", "2020-01-01", null), null).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(post(statuses(id), status("DULDUNG", null, "2021-01-01", TODAY.plusDays(200).toString()), null)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(record(id).path("statuses")).hasSize(3));
        assertThat(record(id).at("/statuses/1/legalBasis").asText()).isEqualTo("§ 60b AufenthG");

        JsonNode in2022 = json.readTree(http.getForEntity("/api/residence-records/" + id
                + "/pathways?asOf=2022-12-30", String.class).getBody());
        assertThat(in2022.path("asOf").asText()).isEqualTo("2022-12-30");
        JsonNode section25bIn2022 = named(in2022, "AUFENTHG_25B");
        assertThat(section25bIn2022.at("/ruleSet/version").asInt()).isEqualTo(4);
        assertThat(section25bIn2022.at("/ruleSet/effectiveFrom").asText()).isEqualTo("2019-08-21");
        JsonNode in2023 = json.readTree(http.getForEntity("/api/residence-records/" + id
                + "/pathways?asOf=2023-06-01", String.class).getBody());
        JsonNode section25bIn2023 = named(in2023, "AUFENTHG_25B");
        assertThat(section25bIn2023.at("/ruleSet/version").asInt()).isEqualTo(3);
        assertThat(section25bIn2023.at("/ruleSet/source").asText()).contains("BGBl. I S. 2847");
        // 7 years since 2016-05-02, of which the year under § 60b does not count: 6 years are met from 2023-05-03
        JsonNode residence = line(section25bIn2023, "residence");
        assertThat(residence.path("outcome").asText()).isEqualTo("MET");
        assertThat(residence.path("outcomeLabel").asText()).isEqualTo("erfüllt");
        assertThat(residence.path("reason").asText()).contains("366 Tage mit Duldung nach § 60b AufenthG zählen nicht",
                "02.05.2016");
        JsonNode onTheEve = json.readTree(http.getForEntity("/api/residence-records/" + id
                + "/pathways?asOf=2023-05-01", String.class).getBody());
        assertThat(line(named(onTheEve, "AUFENTHG_25B"), "residence").path("outcome").asText()).isEqualTo("MISSING");

        JsonNode today = json.readTree(http.getForEntity("/api/residence-records/" + id + "/pathways", String.class)
                .getBody());
        assertThat(today.path("asOf").asText()).isEqualTo(TODAY.toString());
        JsonNode chancen = named(today, "AUFENTHG_104C");
        assertThat(chancen.path("verdict").asText()).isEqualTo("NOT_IN_FORCE");
        assertThat(chancen.path("title").asText()).isEqualTo("Chancen-Aufenthaltsrecht");
        assertThat(chancen.path("legalBasis").asText()).isEqualTo("§ 104c AufenthG");
        assertThat(chancen.path("verdictLabel").asText()).isEqualTo("An diesem Tag nicht in Kraft");
        assertThat(today.toString()).doesNotContain("null (null)");
        HttpHeaders english = TestTokens.bearer(TestTokens.token(TestTokens.TENANT, "abh-test", Role.IMMIGRATION_OFFICER));
        english.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
        JsonNode inEnglish = json.readTree(http.exchange("/api/residence-records/" + id + "/pathways", HttpMethod.GET,
                new HttpEntity<>(english), String.class).getBody());
        assertThat(named(inEnglish, "AUFENTHG_104C").path("verdictLabel").asText()).isEqualTo("Not in force on this day");
        assertThat(http.getForEntity("/api/residence-records/" + id + "/pathways?asOf=gestern", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void the_candidate_list_holds_who_meets_25b_now_or_by_the_end_of_the_period_and_not_who_misses_a_requirement()
            throws Exception {
        String meets = toleratedWithAchievements(LocalDate.of(2016, 5, 2), true);
        String noLanguage = toleratedWithAchievements(LocalDate.of(2016, 5, 2), false);
        String nextMonth = toleratedWithAchievements(TODAY.minusYears(6).plusDays(30), true);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (String id : java.util.List.of(meets, noLanguage, nextMonth)) {
                assertThat(record(id).path("achievements")).hasSizeGreaterThanOrEqualTo(3);
            }
        });

        JsonNode now = json.readTree(http.getForEntity(CANDIDATES + "&within=P0D&size=200", String.class).getBody());
        assertThat(now.path("asOf").asText()).isEqualTo(TODAY.toString());
        assertThat(now.path("pathwayLabel").asText()).isEqualTo("Aufenthaltsgewährung bei nachhaltiger Integration");
        assertThat(now.findValuesAsText("recordId")).contains(meets).doesNotContain(noLanguage, nextMonth);
        JsonNode soon = json.readTree(http.getForEntity(CANDIDATES + "&within=P2M&size=200", String.class).getBody());
        assertThat(soon.findValuesAsText("recordId")).contains(meets, nextMonth).doesNotContain(noLanguage);
        for (JsonNode candidate : soon.path("candidates")) {
            if (candidate.path("recordId").asText().equals(nextMonth)) {
                assertThat(candidate.path("meetsNow").asBoolean()).isFalse();
                assertThat(candidate.path("meetsBy").asText()).isEqualTo(TODAY.plusMonths(2).toString());
                assertThat(candidate.path("missing").findValuesAsText("id")).containsExactly("residence");
                assertThat(candidate.path("missing").findValuesAsText("outcomeLabel")).containsExactly("fehlt");
                assertThat(candidate.path("toCheck").findValuesAsText("id")).contains("identity", "passport");
                assertThat(candidate.at("/ruleSet/version").asInt()).isEqualTo(3);
            }
            if (candidate.path("recordId").asText().equals(meets)) {
                assertThat(candidate.path("meetsNow").asBoolean()).isTrue();
                assertThat(candidate.path("missing")).isEmpty();
            }
        }
        JsonNode firstPage = json.readTree(http.getForEntity(CANDIDATES + "&within=P2M&size=1", String.class).getBody());
        assertThat(firstPage.path("candidates")).hasSize(1);
        assertThat(firstPage.path("total").asInt()).isEqualTo(soon.path("total").asInt()).isGreaterThanOrEqualTo(2);

        assertProblem(http.getForEntity("/api/pathway-candidates?within=P6M", String.class), 400,
                "urn:kim:problem:invalid-input", "pathway");
        assertProblem(http.getForEntity(CANDIDATES + "&within=6M", String.class), 400,
                "urn:kim:problem:invalid-input", "within");
        assertProblem(http.getForEntity(CANDIDATES + "&size=0", String.class), 400,
                "urn:kim:problem:invalid-input", "size");
    }

    @Test
    void the_record_list_filtered_by_25b_holds_records_whose_screening_today_meets_it_or_nearly_and_pages_them()
            throws Exception {
        String family = "Pfadfilter" + ResidenceRecordSearchIntegrationTest.letters(6);
        String meets = toleratedWithAchievements(LocalDate.of(2016, 5, 2), true, family);
        String noLanguage = toleratedWithAchievements(LocalDate.of(2016, 5, 2), false, family);
        String nextMonth = toleratedWithAchievements(TODAY.minusYears(6).plusDays(30), true, family);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (String id : java.util.List.of(meets, noLanguage, nextMonth)) {
                assertThat(record(id).path("achievements")).hasSizeGreaterThanOrEqualTo(3);
            }
        });
        String filtered = "/api/residence-records?pathway=AUFENTHG_25B&q=" + family.toLowerCase();

        JsonNode today = json.readTree(http.getForEntity(filtered + "&within=P0D", String.class).getBody());
        assertThat(today.findValuesAsText("recordId")).containsExactly(meets);
        assertThat(today.path("items").get(0).path("meetsPathwayNow").asBoolean()).isTrue();
        JsonNode nearly = json.readTree(http.getForEntity(filtered, String.class).getBody());
        assertThat(nearly.path("total").asInt()).as("met or nearly met: within six months by default").isEqualTo(2);
        assertThat(nearly.findValuesAsText("recordId")).containsExactlyInAnyOrder(meets, nextMonth);
        for (JsonNode item : nearly.path("items")) {
            boolean now = item.path("recordId").asText().equals(meets);
            assertThat(item.path("meetsPathwayNow").asBoolean()).isEqualTo(now);
            assertThat(item.path("meetsPathwayBy").asText()).isEqualTo((now ? TODAY : TODAY.plusMonths(6)).toString());
        }
        JsonNode firstPage = json.readTree(http.getForEntity(filtered + "&size=1&page=0", String.class).getBody());
        JsonNode secondPage = json.readTree(http.getForEntity(filtered + "&size=1&page=1", String.class).getBody());
        assertThat(secondPage.path("total").asInt()).isEqualTo(2);
        assertThat(secondPage.path("items")).hasSize(1);
        assertThat(java.util.List.of(firstPage.path("items").get(0).path("recordId").asText(),
                secondPage.path("items").get(0).path("recordId").asText())).containsExactlyInAnyOrder(meets, nextMonth);
        JsonNode unfiltered = json.readTree(http.getForEntity("/api/residence-records?q=" + family.toLowerCase(),
                String.class).getBody());
        assertThat(unfiltered.path("total").asInt()).isEqualTo(3);
        assertThat(unfiltered.path("items").get(0).has("meetsPathwayNow")).isTrue();
        assertThat(unfiltered.path("items").get(0).path("meetsPathwayNow").isNull()).isTrue();

        assertProblem(http.getForEntity("/api/residence-records?within=P6M", String.class), 400,
                "urn:kim:problem:invalid-input", "within");
        assertProblem(http.getForEntity(filtered + "&within=sechs", String.class), 400,
                "urn:kim:problem:invalid-input", "within");
    }

    @Test
    void the_candidate_list_exports_as_csv_and_xlsx_in_words_and_dates_each_record_logged_as_read() throws Exception {
        String family = "Exportliste" + ResidenceRecordSearchIntegrationTest.letters(6);
        String meets = toleratedWithAchievements(LocalDate.of(2016, 5, 2), true, family);
        String nextMonth = toleratedWithAchievements(TODAY.minusYears(6).plusDays(30), true, family);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (String id : java.util.List.of(meets, nextMonth)) {
                assertThat(record(id).path("achievements")).hasSizeGreaterThanOrEqualTo(3);
            }
        });
        java.time.format.DateTimeFormatter german = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");
        // One officer has signed in with their name; the other has not yet.
        java.util.Map<String, Object> jonas = TestTokens.claims(TestTokens.TENANT, "abh-jonas", Role.IMMIGRATION_OFFICER);
        jonas.put("name", "Jonas Beispiel");
        assertThat(http.exchange("/api/residence-records?size=1", HttpMethod.GET,
                new HttpEntity<>(TestTokens.bearer(TestTokens.sign(jonas))), String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        // The office's officers by name, to choose from when a record changes hands: Jonas, not the officer without a name.
        JsonNode officers = json.readTree(http.getForObject("/api/officers", String.class));
        assertThat(officers.path("items").findValuesAsText("name")).contains("Jonas Beispiel");
        assertThat(officers.path("items").findValuesAsText("userId")).doesNotContain("abh-neu");
        assertThat(http.exchange("/api/officers", HttpMethod.GET, new HttpEntity<>(TestTokens.bearer(
                TestTokens.token(TestTokens.TENANT, "cm-anna", Role.CASE_MANAGER))), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put("/api/residence-records/" + meets + "/officer", "{\"officer\":\"abh-jonas\"}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(put("/api/residence-records/" + nextMonth + "/officer", "{\"officer\":\"abh-neu\"}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        await().atMost(Duration.ofSeconds(20)).until(() -> record(meets).path("officer").asText().equals("abh-jonas")
                && record(nextMonth).path("officer").asText().equals("abh-neu"));

        ResponseEntity<byte[]> csv = http.getForEntity("/api/pathway-candidates/export.csv?pathway=AUFENTHG_25B"
                + "&within=P2M", byte[].class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("kim-kandidaten-25b-" + TODAY + ".csv");
        String text = new String(csv.getBody(), StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        assertThat(lines[0]).isEqualTo("\uFEFFWeg;Aufenthaltsgewährung bei nachhaltiger Integration (§ 25b AufenthG)");
        assertThat(lines[1]).isEqualTo("Stand;" + german.format(TODAY));
        assertThat(lines[4]).isEqualTo("Aktenzeichen und Name;Sachbearbeitung;Aufenthaltsstatus;Voraussetzungen;"
                + "Erfüllt am oder bis;Fehlt noch;Prüft die Ausländerbehörde;Regelwerk");
        String meetsLine = java.util.Arrays.stream(lines).filter(l -> l.contains(family + ", Erika")
                && l.contains(";erfüllt;")).findFirst().orElseThrow();
        assertThat(meetsLine).contains("Duldung", german.format(TODAY), ";nichts;", "§ 25b AufenthG, Fassung 3 vom 31.12.2022",
                ";Jonas Beispiel;");
        String soonLine = java.util.Arrays.stream(lines).filter(l -> l.contains(family + ", Erika")
                && l.contains(";voraussichtlich erfüllt;")).findFirst().orElseThrow();
        assertThat(soonLine).contains(german.format(TODAY.plusMonths(2)), ";zugewiesen, Name noch nicht bekannt;");
        assertThat(text).as("words, never codes or ids").doesNotContain("AUFENTHG_25B", "DULDUNG", "MISSING",
                "TO_CHECK", "null", meets, nextMonth, "abh-jonas", "abh-neu");
        assertThat(text).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");

        ResponseEntity<byte[]> xlsx = http.getForEntity("/api/pathway-candidates/export.xlsx?pathway=AUFENTHG_25B"
                + "&within=P2M", byte[].class);
        assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(xlsx.getHeaders().getContentType().toString())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx.getBody()))) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("Aktenzeichen und Name");
            java.util.List<String> firstColumn = new java.util.ArrayList<>();
            sheet.forEach(row -> firstColumn.add(row.getCell(0) == null ? "" : row.getCell(0).toString()));
            assertThat(firstColumn).filteredOn(cell -> cell.contains(family)).hasSize(2);
        }

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(audit.find(
                TestTokens.TENANT, meets, null, null, null, 100))
                .extracting(de.kim.platform.audit.AuditEntry::operation)
                .contains("GET /api/pathway-candidates/export.csv", "GET /api/pathway-candidates/export.xlsx"));
        assertProblem(http.getForEntity("/api/pathway-candidates/export.csv", String.class), 400,
                "urn:kim:problem:invalid-input", "pathway");
    }

    @Test
    void only_an_immigration_officer_may_export_the_candidates_names_are_personal_data() {
        for (Role role : Role.values()) {
            if (role == Role.IMMIGRATION_OFFICER) {
                continue;
            }
            HttpHeaders other = TestTokens.bearer(TestTokens.token(TestTokens.TENANT, "jemand", role));
            for (String file : java.util.List.of("csv", "xlsx")) {
                assertThat(http.exchange("/api/pathway-candidates/export." + file + "?pathway=AUFENTHG_25B",
                        HttpMethod.GET, new HttpEntity<>(other), String.class).getStatusCode())
                        .as(role + " " + file).isEqualTo(HttpStatus.FORBIDDEN);
            }
        }
    }

    private static final String CANDIDATES = "/api/pathway-candidates?pathway=AUFENTHG_25B";

    /** A tolerated person since the day, with orientation course, employment and A2 (or, without, school only). */
    private String toleratedWithAchievements(LocalDate since, boolean language) throws Exception {
        return toleratedWithAchievements(since, language, "Testperson");
    }

    private String toleratedWithAchievements(LocalDate since, boolean language, String familyName) throws Exception {
        String id = json.readTree(post("/api/residence-records", RECORD.replace("Testperson", familyName), null)
                .getBody()).path("id").asText();
        assertThat(post(statuses(id), status("DULDUNG", null, since.toString(), TODAY.plusDays(20).toString()), null)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post(achievements(id), "{\"kind\":\"ORIENTATION_COURSE\",\"achievedOn\":\"%s\"}"
                .formatted(TODAY.minusMonths(3)), null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post(achievements(id), "{\"kind\":\"EMPLOYMENT\",\"achievedOn\":\"%s\"}"
                .formatted(TODAY.minusYears(1)), null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String third = language ? "{\"kind\":\"LANGUAGE_CERTIFICATE\",\"level\":\"A2\",\"achievedOn\":\"%s\"}"
                : "{\"kind\":\"SCHOOL_ATTENDANCE\",\"achievedOn\":\"%s\"}";
        assertThat(post(achievements(id), third.formatted(TODAY.minusMonths(2)), null).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        return id;
    }

    private static JsonNode named(JsonNode screening, String pathway) {
        for (JsonNode p : screening.path("pathways")) {
            if (p.path("pathway").asText().equals(pathway)) {
                return p;
            }
        }
        throw new AssertionError("no pathway " + pathway);
    }

    private static JsonNode line(JsonNode pathway, String requirement) {
        for (JsonNode r : pathway.path("requirements")) {
            if (r.path("id").asText().equals(requirement)) {
                return r;
            }
        }
        throw new AssertionError("no requirement " + requirement);
    }

    @Test
    void the_rule_sets_in_force_are_listed_with_their_citations() throws Exception {
        JsonNode ruleSets = json.readTree(http.getForEntity("/api/rule-sets", String.class).getBody());
        assertThat(ruleSets.findValuesAsText("pathway")).contains("AUFENTHG_25A", "AUFENTHG_25B", "AUFENTHG_9",
                "STAG_10");
        assertThat(ruleSets.findValuesAsText("citation")).contains("§ 10 Abs. 1 Satz 1 Nr. 6, Abs. 4 StAG");
        JsonNode in2024 = json.readTree(http.getForEntity("/api/rule-sets?on=2024-01-01", String.class).getBody());
        assertThat(in2024.findValuesAsText("pathway")).contains("AUFENTHG_104C");
        JsonNode in2026 = json.readTree(http.getForEntity("/api/rule-sets?asOf=2026-01-01", String.class).getBody());
        assertThat(in2026.findValuesAsText("pathway")).doesNotContain("AUFENTHG_104C");
        assertThat(in2026.findValuesAsText("referredTo")).contains("§ 26 Abs. 4 AufenthG");
        assertThat(in2026.findValuesAsText("source")).anyMatch(s -> s.contains("BGBl. 2025 I Nr. 256"));
    }

    private JsonNode pathway(String id, String pathway) throws Exception {
        ResponseEntity<String> answer = http.getForEntity("/api/residence-records/" + id + "/pathways", String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        for (JsonNode p : json.readTree(answer.getBody()).path("pathways")) {
            if (p.path("pathway").asText().equals(pathway)) {
                return p;
            }
        }
        throw new AssertionError("no pathway " + pathway);
    }

    private JsonNode requirement(String id, String pathway, String requirement) throws Exception {
        for (JsonNode r : pathway(id, pathway).path("requirements")) {
            if (r.path("id").asText().equals(requirement)) {
                return r;
            }
        }
        throw new AssertionError("no requirement " + requirement);
    }

    private static String statuses(String id) {
        return "/api/residence-records/" + id + "/statuses";
    }

    private static String achievements(String id) {
        return "/api/residence-records/" + id + "/achievements";
    }

    private static String status(String type, String section, String from, String until) {
        return "{\"type\":\"%s\",\"section\":%s,\"validFrom\":\"%s\",\"validUntil\":%s}".formatted(type,
                section == null ? "null" : "\"" + section + "\"", from, until == null ? "null" : "\"" + until + "\"");
    }

    private void publishAchievement(String recordId, String achievementId, String kind) throws Exception {
        ObjectNode envelope = (ObjectNode) json.readTree(Fixtures.json(AchievementShared.TYPE));
        envelope.put("id", UUID.randomUUID().toString());
        ((ObjectNode) envelope.path("data")).put("residenceRecordId", recordId).put("achievementId", achievementId)
                .put("kind", kind).put("achievedOn", TODAY.toString());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(EmbeddedInfra.shared().kafka().adminConfig(), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.CASE, envelope.path("aggregateId").asText(),
                    json.writeValueAsString(envelope))).get();
        }
    }

    /** Case management asks for the link, and the officer confirms it once it landed. */
    private void confirmedLink(String recordId, String caseId) throws Exception {
        requestLink(recordId, caseId);
        String confirmation = "/api/residence-records/" + recordId + "/case-links/" + caseId + "/confirmation";
        await().atMost(Duration.ofSeconds(30)).until(() -> post(confirmation, "", null).getStatusCode() == HttpStatus.NO_CONTENT);
    }

    private void requestLink(String recordId, String caseId) throws Exception {
        ObjectNode envelope = (ObjectNode) json.readTree(Fixtures.json(ResidenceRecordLinkRequested.TYPE));
        envelope.put("id", UUID.randomUUID().toString()).put("aggregateId", caseId);
        ((ObjectNode) envelope.path("data")).put("residenceRecordId", recordId).put("caseId", caseId);
        publishCaseEvent(envelope);
    }

    private void publishStatusCheck(String recordId, String statusCheckId, String caseId) throws Exception {
        ObjectNode envelope = (ObjectNode) json.readTree(Fixtures.json(StatusCheckRequested.TYPE));
        envelope.put("id", UUID.randomUUID().toString()).put("aggregateId", caseId);
        ((ObjectNode) envelope.path("data")).put("residenceRecordId", recordId).put("statusCheckId", statusCheckId)
                .put("caseId", caseId);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(EmbeddedInfra.shared().kafka().adminConfig(), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.CASE, envelope.path("aggregateId").asText(),
                    json.writeValueAsString(envelope))).get();
        }
    }

    private ResponseEntity<String> put(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8));
        return http.exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> post(String path, String body, String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8));
        if (language != null) {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private void assertProblem(ResponseEntity<String> response, int status, String type, String field) throws Exception {
        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.path("type").asText()).isEqualTo(type);
        assertThat(problem.path("errors").findValuesAsText("field")).contains(field);
    }

    private long storedEvents() {
        return jdbc.queryForObject("select count(*) from domainevententry", Long.class);
    }

    private ConsumerRecord<String, String> awaitRecord(String key, EventType type, String containing) {
        return TopicReader.find(EmbeddedInfra.shared().kafka().adminConfig(), Topics.IMMIGRATION,
                        r -> key.equals(r.key()) && r.value().contains("\"" + type.name() + "\"")
                                && r.value().contains(containing), Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("no " + type.name() + " with key " + key));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
