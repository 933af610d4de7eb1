package de.kim.steering.web;

import de.kim.platform.testing.EveryOperation;
import de.kim.platform.testing.TestTokens;
import de.kim.platform.domain.Role;
import org.junit.jupiter.api.BeforeEach;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kim.contracts.Fixtures;
import de.kim.contracts.Topics;
import de.kim.contracts.cases.CaseOpened;
import de.kim.contracts.cases.ReferralMade;
import de.kim.contracts.partners.PartnerRegistered;
import de.kim.local.EmbeddedInfra;
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
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * steering-service reading {@code kim.case.v1} from the real broker, fed with the publisher's
 * pinned contract fixture, into the Mongo-wire server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kim.reporting.interval=PT1S")
class SteeringFiguresIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Autowired
    TestRestTemplate http;

    @BeforeEach
    void signIn() {
        TestTokens.signIn(http, TestTokens.token(TestTokens.TENANT, "steuerung-test", Role.STEERING_MEMBER, Role.ADMINISTRATOR));
    }
    @Autowired
    ObjectMapper json;

    @Test
    void a_token_whose_roles_cannot_be_read_or_that_is_for_another_audience_opens_no_operation() throws Exception {
        EveryOperation.assertClosedToUnreadableRolesAndOtherAudiences(http, json);
    }

    @Test
    void opened_cases_are_counted_once_even_when_delivered_twice_and_small_counts_are_suppressed() throws Exception {
        String tenant = "kreis-musterland";
        List<String> firstThree = publishCasesOpened(tenant, "2026-11-14", 3);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(figures(tenant).at("/casesOpened/total/display").asText()).isEqualTo("<5"));
        assertThat(figures(tenant).at("/casesOpened/total/count").isNull()).isTrue();

        List<String> nextThree = publishCasesOpened(tenant, "2026-12-01", 3);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(figures(tenant).at("/casesOpened/total/count").asLong()).isEqualTo(6));
        // November and December hold 3 each: both months suppressed, the total of 6 shown, and the row
        // "nicht ausgewiesen" holds the 6, so that the groups add up to the total.
        assertThat(figures(tenant).at("/casesOpened/groups").findValuesAsText("display")).containsExactly("<5", "<5", "6");
        assertThat(figures(tenant).at("/casesOpened/groups").findValuesAsText("label"))
                .containsExactly("November 2026", "Dezember 2026", "nicht ausgewiesen");

        List<String> all = new ArrayList<>(firstThree);
        all.addAll(nextThree);
        redeliver(all);
        publishRaw("this is not an envelope");
        // A valid event behind the broken record still arrives: the broken one went to the dead-letter topic.
        publishCasesOpened(tenant, "2026-12-02", 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(figures(tenant).at("/casesOpened/total/count").asLong()).isEqualTo(7));
        // Written there by steering-service's own principal, which may write the dead-letter topics of what it reads.
        assertThat(de.kim.local.TopicReader.find(EmbeddedInfra.shared().kafka().adminConfig(), Topics.deadLetterOf(Topics.CASE),
                r -> "this is not an envelope".equals(r.value()), Duration.ofSeconds(30))).isPresent();
    }

    @Test
    void an_opened_case_without_its_date_goes_to_the_dead_letter_topic_and_the_next_cases_are_counted() throws Exception {
        ObjectNode poison = (ObjectNode) json.readTree(Fixtures.json(CaseOpened.TYPE));
        String poisonCase = UUID.randomUUID().toString();
        poison.put("id", UUID.randomUUID().toString()).put("tenant", "kreis-mettmann").put("aggregateId", poisonCase);
        ((ObjectNode) poison.path("data")).put("caseId", poisonCase).remove("openedOn");
        redeliver(List.of(json.writeValueAsString(poison)));
        publishCasesOpened("kreis-mettmann", "2025-01-15", 5);

        HttpHeaders headers = TestTokens.bearer(TestTokens.token("kreis-mettmann", "steuerung-test", Role.STEERING_MEMBER));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json.readTree(http.exchange(
                "/api/steering/figures?from=2025-01&to=2025-01", HttpMethod.GET, new HttpEntity<>(headers), String.class)
                .getBody()).at("/casesOpened/total/count").asLong()).isEqualTo(5));
        var dead = de.kim.local.TopicReader.findOnceCreated(EmbeddedInfra.shared().kafka().adminConfig(),
                Topics.deadLetterOf(Topics.CASE), r -> r.value().contains(poisonCase), Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("the case without its date is not on the dead-letter topic"));
        assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-message").value(),
                java.nio.charset.StandardCharsets.UTF_8)).contains("missing openedOn");
    }

    @Test
    void a_rebuild_from_the_topics_gives_the_same_figures() throws Exception {
        String tenant = "kreis-mettmann";
        publishCasesOpened(tenant, "2026-10-03", 5);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(figures(tenant).at("/casesOpened/total/count").asLong()).isGreaterThanOrEqualTo(5));
        String before = http.getForObject("/api/steering/figures?groupBy=town", String.class);

        ResponseEntity<String> rebuilt = http.postForEntity("/api/steering/rebuild", null, String.class);
        assertThat(rebuilt.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(rebuilt.getBody()).path("events").asLong()).isGreaterThanOrEqualTo(5);

        assertThat(http.getForObject("/api/steering/figures?groupBy=town", String.class)).isEqualTo(before);
    }

    @Test
    void the_csv_export_opens_in_a_spreadsheet_with_suppressed_cells() {
        ResponseEntity<byte[]> csv = http.getForEntity("/api/steering/exports/figures.csv", byte[].class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        String text = new String(csv.getBody(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFKennzahl;Gruppe;Wert\r\n").contains("Fälle eröffnet;Gesamt;");
        assertThat(http.getForEntity("/api/steering/exports/unknown.csv", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/api/steering/exports/yearly.csv", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void a_partner_name_a_spreadsheet_would_run_as_a_formula_is_neutralised_in_every_csv_export() throws Exception {
        String tenant = "kreis-mettmann";
        String partnerId = UUID.randomUUID().toString();
        String hostile = "=HYPERLINK(\"http://x\",\"y\")";
        ObjectNode partner = (ObjectNode) json.readTree(Fixtures.json(PartnerRegistered.TYPE));
        partner.put("id", UUID.randomUUID().toString()).put("tenant", tenant).put("aggregateId", partnerId);
        ((ObjectNode) partner.path("data")).put("partnerId", partnerId).put("name", hostile);
        ObjectNode referral = (ObjectNode) json.readTree(Fixtures.json(ReferralMade.TYPE));
        String caseId = UUID.randomUUID().toString();
        referral.put("id", UUID.randomUUID().toString()).put("tenant", tenant).put("aggregateId", caseId);
        ((ObjectNode) referral.path("data")).put("caseId", caseId).put("referralId", UUID.randomUUID().toString())
                .put("partnerId", partnerId).put("madeOn", "2026-09-21");
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.PARTNER, partnerId, json.writeValueAsString(partner))).get();
            producer.send(new ProducerRecord<>(Topics.CASE, caseId, json.writeValueAsString(referral))).get();
        }
        String flows = "/api/steering/exports/referral-flows.csv?from=2026-07&to=2026-09";
        // The name as a spreadsheet shows it, as text: a quote before the equals sign (and the CSV's own quoting).
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(csv(tenant, flows))
                .contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\";Sprache;"));

        for (String export : List.of(flows, "/api/steering/exports/figures.csv?from=2026-07&to=2026-09",
                "/api/steering/exports/figures.csv?from=2026-07&to=2026-09&groupBy=town",
                "/api/steering/exports/gaps.csv", "/api/steering/exports/themes.csv",
                "/api/steering/exports/status-progressions.csv", "/api/steering/exports/yearly.csv?year=2026")) {
            for (String line : csv(tenant, export).split("\r\n")) {
                for (String cell : line.split(";")) {
                    assertThat(cell.replaceFirst("^\"", "")).as(export).doesNotStartWith("=").doesNotStartWith("+")
                            .doesNotStartWith("@");
                }
            }
        }
    }

    private String csv(String tenant, String path) {
        HttpHeaders headers = TestTokens.bearer(TestTokens.token(tenant, "steuerung-test", Role.STEERING_MEMBER));
        ResponseEntity<byte[]> answer = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return new String(answer.getBody(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void the_yearly_report_opens_as_a_workbook_with_its_sections() throws Exception {
        ResponseEntity<byte[]> xlsx = http.getForEntity("/api/steering/exports/yearly.xlsx?year=2026", byte[].class);
        assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.getBody()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Kennzahl");
            List<String> names = new ArrayList<>();
            sheet.forEach(row -> names.add(row.getCell(0).getStringCellValue()));
            assertThat(names).contains("Fälle eröffnet nach Monat", "Bedarfe nach Handlungsfeld", "Generative Themen");
        }
        JsonNode report = json.readTree(http.getForObject("/api/steering/reports/yearly/2026", String.class));
        assertThat(report.path("year").asInt()).isEqualTo(2026);
        assertThat(report.path("sections").findValuesAsText("name")).contains("casesOpenedByTown", "themes");
    }

    @Test
    void the_action_plan_shows_progress_against_its_targets_from_the_figures() throws Exception {
        String tenant = "kreis-musterland";
        HttpHeaders headers = TestTokens.bearer(TestTokens.token(tenant, "steuerung-test", Role.STEERING_MEMBER));
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        String goal = json.readTree(http.exchange("/api/steering/action-plan/goals", HttpMethod.POST, new HttpEntity<>(
                "{\"title\":\"Mehr Fälle früh erreichen\",\"fieldOfAction\":\"LANGUAGE\"}", headers), String.class)
                .getBody()).path("id").asText();
        ResponseEntity<String> bound = http.exchange("/api/steering/action-plan/goals/" + goal + "/indicators",
                HttpMethod.POST, new HttpEntity<>("{\"metric\":\"CASES_OPENED\",\"direction\":\"AT_LEAST\","
                        + "\"target\":10,\"from\":\"2026-06\",\"to\":\"2026-06\"}", headers), String.class);
        assertThat(bound.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<String> bad = http.exchange("/api/steering/action-plan/goals/" + goal + "/indicators",
                HttpMethod.POST, new HttpEntity<>("{\"metric\":\"CASES_OPENED\",\"direction\":\"AT_LEAST\","
                        + "\"target\":-1}", headers), String.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        publishCasesOpened(tenant, "2026-06-10", 6);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode indicator = json.readTree(http.exchange("/api/steering/action-plan", HttpMethod.GET,
                    new HttpEntity<>(headers), String.class).getBody()).at("/goals/0/indicators/0");
            assertThat(indicator.at("/current/count").asLong()).isEqualTo(6);
            assertThat(indicator.path("percent").asInt()).isEqualTo(60);
            assertThat(indicator.path("met").asBoolean()).isFalse();
        });
        // Another tenant has a plan of its own: empty.
        assertThat(json.readTree(http.getForObject("/api/steering/action-plan", String.class)).path("goals")).isEmpty();
    }

    @Test
    void changed_figures_go_to_the_reporting_topic_anonymised() throws Exception {
        publishCasesOpened("kreis-mettmann", "2026-07-01", 6);
        var record = de.kim.local.TopicReader.find(EmbeddedInfra.shared().kafka().adminConfig(), Topics.REPORTING,
                r -> r.key().equals("kreis-mettmann:2026-07") && r.value().contains("\"casesOpened\":{\"total\":{\"count\":6"),
                Duration.ofSeconds(30));
        assertThat(record).isPresent();
        JsonNode envelope = json.readTree(record.get().value());
        assertThat(envelope.path("type").asText()).isEqualTo("kim.reporting.FiguresPublished");
        assertThat(envelope.at("/data/figures/casesOpened/groups/0/value/display").asText()).isEqualTo("6");
        assertThat(record.get().value()).doesNotContain("caseId", "aggregateId\":\"0e6a");
    }

    @Test
    void months_of_several_years_and_tenants_changed_together_are_each_published_with_their_own_figures() throws Exception {
        publishCasesOpened("kreis-mettmann", "2023-02-10", 6);
        publishCasesOpened("kreis-mettmann", "2024-09-03", 7);
        publishCasesOpened("kreis-wesel", "2024-09-03", 8);
        for (var expected : Map.of("kreis-mettmann:2023-02", 6, "kreis-mettmann:2024-09", 7, "kreis-wesel:2024-09", 8).entrySet()) {
            var record = de.kim.local.TopicReader.find(EmbeddedInfra.shared().kafka().adminConfig(), Topics.REPORTING,
                    r -> r.key().equals(expected.getKey())
                            && r.value().contains("\"casesOpened\":{\"total\":{\"count\":" + expected.getValue() + ","),
                    Duration.ofSeconds(30));
            assertThat(record).as(expected.getKey()).isPresent();
        }
    }

    @Autowired
    org.springframework.kafka.config.KafkaListenerEndpointRegistry listeners;
    @Autowired
    org.springframework.core.env.Environment environment;

    @Autowired
    de.kim.steering.query.FactsDatabase facts;

    @Test
    void resetting_the_consumer_group_to_the_start_redelivers_everything_and_changes_no_figure() throws Exception {
        publishCasesOpened("kreis-mettmann", "2026-05-04", 7);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json.readTree(http.getForObject(
                "/api/steering/figures?from=2026-05&to=2026-05", String.class)).at("/casesOpened/total/count").asLong())
                .isEqualTo(7));
        Thread.sleep(1000);
        String before = everything();

        var container = listeners.getListenerContainer("steering-facts");
        container.stop();
        String group = environment.getProperty("spring.kafka.consumer.group-id") + "-facts";
        try (var admin = org.apache.kafka.clients.admin.AdminClient.create(EmbeddedInfra.shared().kafka().adminConfig())) {
            var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            assertThat(committed).isNotEmpty();
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> start =
                    new java.util.HashMap<>();
            committed.keySet().forEach(p -> start.put(p, new org.apache.kafka.clients.consumer.OffsetAndMetadata(0)));
            admin.alterConsumerGroupOffsets(group, start).all().get();
        }
        // The offsets the facts hold are theirs, kept with them: they go too, or the listener would go on from there.
        facts.template().getCollection(de.kim.platform.readmodel.MongoTokenStore.COLLECTION)
                .deleteMany(new org.bson.Document("readModel", "facts"));
        container.start();
        // Everything is delivered again; wait until the group has caught up, then compare.
        await().atMost(Duration.ofSeconds(60)).until(() -> lag(group) == 0);
        assertThat(everything()).isEqualTo(before);
    }

    private String everything() {
        return http.getForObject("/api/steering/figures?groupBy=town", String.class)
                + http.getForObject("/api/steering/referral-flows", String.class)
                + http.getForObject("/api/steering/gaps", String.class)
                + http.getForObject("/api/steering/themes", String.class);
    }

    private long lag(String group) throws Exception {
        try (var admin = org.apache.kafka.clients.admin.AdminClient.create(EmbeddedInfra.shared().kafka().adminConfig())) {
            var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
            committed.keySet().forEach(p -> latest.put(p, org.apache.kafka.clients.admin.OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            return committed.entrySet().stream().mapToLong(e -> ends.get(e.getKey()).offset() - e.getValue().offset()).sum();
        }
    }

    @Test
    void a_month_filter_that_is_not_a_month_gets_400_naming_it() throws Exception {
        ResponseEntity<String> answer = http.getForEntity("/api/steering/figures?from=2026-13", String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(answer.getBody()).at("/errors/0/field").asText()).isEqualTo("from");
    }

    private JsonNode figures(String tenant) throws Exception {
        HttpHeaders headers = TestTokens.bearer(TestTokens.token(tenant, "steuerung-test", Role.STEERING_MEMBER));
        // The fourth quarter of 2026 only: other tests of this class publish for this tenant in other months.
        ResponseEntity<String> answer = http.exchange("/api/steering/figures?from=2026-10&to=2026-12", HttpMethod.GET,
                new HttpEntity<>(headers),
                String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return json.readTree(answer.getBody());
    }

    private List<String> publishCasesOpened(String tenant, String openedOn, int count) throws Exception {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode envelope = (ObjectNode) json.readTree(Fixtures.json(CaseOpened.TYPE));
            String caseId = UUID.randomUUID().toString();
            envelope.put("id", UUID.randomUUID().toString());
            envelope.put("tenant", tenant);
            envelope.put("aggregateId", caseId);
            ((ObjectNode) envelope.path("data")).put("caseId", caseId).put("openedOn", openedOn)
                    .put("someFieldOfALaterVersion", "ignored");
            records.add(json.writeValueAsString(envelope));
        }
        redeliver(records);
        return records;
    }

    private void redeliver(List<String> records) throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            for (String record : records) {
                String key = json.readTree(record).path("aggregateId").asText();
                producer.send(new ProducerRecord<>(Topics.CASE, key, record)).get();
            }
        }
    }

    private void publishRaw(String value) throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.CASE, "broken", value)).get();
        }
    }

    private static KafkaProducer<String, String> producer() {
        // Fixtures of case-service's topic: written as the admin, as only case-service itself may write there.
        return new KafkaProducer<>(EmbeddedInfra.shared().kafka().adminConfig(), new StringSerializer(),
                new StringSerializer());
    }
}
