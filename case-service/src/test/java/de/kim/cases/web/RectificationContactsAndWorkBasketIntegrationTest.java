package de.kim.cases.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kim.contracts.Topics;
import de.kim.contracts.cases.ClientDataRectified;
import de.kim.cases.query.CaseFile;
import de.kim.cases.query.CaseHistory;
import de.kim.contracts.cases.ContactRecorded;
import de.kim.local.EmbeddedInfra;
import de.kim.local.TopicReader;
import de.kim.platform.privacy.PersonalDataVault;
import de.kim.platform.domain.Role;
import de.kim.platform.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.i18n.LocaleContextHolder;
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
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Correcting the client's data, the contact log and the work basket, through HTTP, the case file,
 * the history, the event store and {@code kim.case.v1}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RectificationContactsAndWorkBasketIntegrationTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
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
    CaseHistory history;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("workBasketReadModel")
    de.kim.platform.readmodel.AxonReadModel workBasket;

    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
    private final String manager = "cm-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void signIn() {
        TestTokens.signIn(http, TestTokens.token(TestTokens.TENANT, manager, Role.CASE_MANAGER));
    }

    @Test
    void a_correction_is_sealed_shown_noted_in_the_history_without_its_values_and_published_without_them() throws Exception {
        String caseId = openCase();
        String marker = "Korrigiert" + UUID.randomUUID().toString().substring(0, 6);
        String stale = "\"0\"";
        await().atMost(Duration.ofSeconds(20)).until(() -> caseFile(caseId).path("version").asLong() >= 0);
        String current = http.getForEntity("/api/cases/" + caseId, String.class).getHeaders().getETag();
        String corrected = client(marker, "Hilden", "SYR");

        assertThat(exchange(HttpMethod.PUT, "/api/cases/" + caseId + "/client", client(marker, "Hilden", "Syrien"),
                current).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<String> noTown = exchange(HttpMethod.PUT, "/api/cases/" + caseId + "/client",
                client(marker, "Düsseldorf", "SYR"), current);
        assertThat(noTown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(noTown.getBody()).path("detail").asText()).contains("Düsseldorf");
        exchange(HttpMethod.POST, "/api/cases/" + caseId + "/contacts", contact("PHONE", 10, "erst"), null);
        await().atMost(Duration.ofSeconds(20)).until(() -> caseFile(caseId).path("contacts").size() == 1);
        assertThat(exchange(HttpMethod.PUT, "/api/cases/" + caseId + "/client", corrected, current).getStatusCode())
                .as("If-Match older than the case").isEqualTo(HttpStatus.CONFLICT);
        assertThat(caseFile(caseId).at("/client/familyName").asText()).isEqualTo("Beispiel");

        String now = http.getForEntity("/api/cases/" + caseId, String.class).getHeaders().getETag();
        assertThat(exchange(HttpMethod.PUT, "/api/cases/" + caseId + "/client", corrected, now).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(exchange(HttpMethod.PUT, "/api/cases/" + caseId + "/client", corrected, null).getStatusCode())
                .as("the same data again").isEqualTo(HttpStatus.CONFLICT);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode file = caseFile(caseId);
            assertThat(file.at("/client/familyName").asText()).isEqualTo(marker);
            assertThat(file.at("/client/contact/address").asText()).isEqualTo("Mittelstraße 5, 40721 Hilden");
            assertThat(file.path("town").asText()).isEqualTo("Hilden");
            assertThat(file.path("rectifiedOn").asText()).isEqualTo(today.toString());
        });
        String history = http.getForEntity("/api/cases/" + caseId + "/history", String.class).getBody();
        assertThat(history).contains("Personendaten berichtigt (4 Angaben); kein Netzwerkpartner hält eine Kopie")
                .doesNotContain(marker);
        assertThat(storedPayloadsWith(marker)).as("event store rows holding the corrected name").isZero();
        ConsumerRecord<String, String> published = TopicReader.find(EmbeddedInfra.shared().kafka().adminConfig(),
                        Topics.CASE, r -> caseId.equals(r.key()) && r.value().contains(ClientDataRectified.TYPE.name()),
                        Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("no ClientDataRectified for " + caseId));
        assertThat(published.value()).doesNotContain(marker).contains("\"town\":\"Hilden\"");
    }

    @Test
    void a_contact_shows_in_the_case_file_and_the_history_counts_on_the_topic_and_is_gone_after_erasure() throws Exception {
        String caseId = openCase();
        assertThat(exchange(HttpMethod.POST, "/api/cases/" + caseId + "/contacts", contact("FAX", 30, "x"), null)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<String> tooLong = exchange(HttpMethod.POST, "/api/cases/" + caseId + "/contacts",
                contact("PHONE", 0, "x"), null);
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(tooLong.getBody()).findValuesAsText("field")).contains("durationMinutes");
        String note = "Gesprächsvermerk " + UUID.randomUUID();
        ResponseEntity<String> recorded = exchange(HttpMethod.POST, "/api/cases/" + caseId + "/contacts",
                contact("HOME_VISIT", 90, note).replace("\"entrusted\":false", "\"entrusted\":true"), null);
        assertThat(recorded.getStatusCode()).as(recorded.getBody()).isEqualTo(HttpStatus.CREATED);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode contact = caseFile(caseId).path("contacts").get(0);
            assertThat(contact.path("note").asText()).isEqualTo(note);
            assertThat(contact.path("participants").asText()).isEqualTo("Ehemann");
            assertThat(contact.path("interpreterLanguage").asText()).isEqualTo("ar");
            assertThat(contact.path("entrusted").asBoolean()).isTrue();
        });
        assertThat(http.getForEntity("/api/cases/" + caseId + "/history", String.class).getBody())
                .contains("Beratungskontakt am " + today.format(DateTimeFormatter.ofPattern("dd.MM.yyyy"))
                        + ": Hausbesuch, 90 Minuten, mit Dolmetschung. " + note)
                .contains("Beratungskontakt als anvertraut (§ 65 SGB VIII) gekennzeichnet");
        assertThat(json.readTree(http.getForEntity("/api/cases/" + caseId + "/self-disclosure", String.class).getBody())
                .at("/caseFile/contacts/0/note").asText()).isEqualTo(note);
        assertThat(storedPayloadsWith(note)).as("event store rows holding the note").isZero();
        ConsumerRecord<String, String> counted = TopicReader.find(EmbeddedInfra.shared().kafka().adminConfig(),
                        Topics.CASE, r -> caseId.equals(r.key()) && r.value().contains(ContactRecorded.TYPE.name()),
                        Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("no ContactRecorded for " + caseId));
        assertThat(json.readTree(counted.value()).path("data").path("durationMinutes").asInt()).isEqualTo(90);
        assertThat(counted.value()).doesNotContain("Gesprächsvermerk", "Ehemann");

        TestTokens.signIn(http, TestTokens.token(TestTokens.TENANT, "lead-" + manager, Role.CASE_MANAGEMENT_LEAD));
        assertThat(exchange(HttpMethod.POST, "/api/cases/" + caseId + "/erasure",
                "{\"ground\":\"LAWFUL_REQUEST\",\"reference\":\"Antrag 7\"}", null).getStatusCode().is2xxSuccessful()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> !vault.holdsKeyOf(caseId));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode contact = caseFile(caseId).path("contacts").get(0);
            assertThat(contact.path("note").asText()).isEmpty();
            assertThat(contact.path("participants").asText()).isEmpty();
            assertThat(contact.path("kind").asText()).isEqualTo("HOME_VISIT");
        });
        assertThat(http.getForEntity("/api/cases/" + caseId + "/history", String.class).getBody()).doesNotContain(note)
                .contains("Inhalt nach Löschung nicht mehr verfügbar");

        // A page without the erasure, read while the case file has not seen it yet, shows the contact as erased too.
        CaseFile notYetErased = new CaseFile();
        notYetErased.version = 0;
        LocaleContextHolder.setLocale(Locale.GERMAN);
        try {
            long total = history.page(TestTokens.TENANT, caseId, notYetErased, 0, 1).orElseThrow().total();
            List<CaseHistory.Entry> contacts = new java.util.ArrayList<>();
            for (int page = 1; page < total; page++) {
                CaseHistory.Entry entry = history.page(TestTokens.TENANT, caseId, notYetErased, page, 1).orElseThrow()
                        .items().get(0);
                assertThat(entry.type()).as("the erasure is on the first page only").isNotEqualTo("ClientErased");
                if (entry.type().equals("ContactRecorded")) {
                    contacts.add(entry);
                }
            }
            assertThat(contacts).extracting(CaseHistory.Entry::text)
                    .containsExactly("Beratungskontakt erfasst (Inhalt nach Löschung nicht mehr verfügbar)");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void the_work_basket_shows_due_follow_ups_and_ending_consents_with_the_clients_name_and_done_ones_leave_it()
            throws Exception {
        String caseId = openCase();
        created(exchange(HttpMethod.POST, "/api/cases/" + caseId + "/follow-ups",
                "{\"dueOn\":\"" + today + "\",\"subject\":\"Unterlagen Sprachkurs nachfragen\"}", null));
        created(exchange(HttpMethod.POST, "/api/cases/" + caseId + "/follow-ups",
                "{\"dueOn\":\"" + today.plusDays(5) + "\",\"subject\":\"Noch nicht fällig\"}", null));
        created(exchange(HttpMethod.POST, "/api/cases/" + caseId + "/consents", """
                {"recipient":"%s","purposes":["REFERRAL"],"dataCategories":["IDENTITY"],
                 "form":"WRITTEN","givenOn":"%s","validUntil":"%s"}""".formatted(UUID.randomUUID(), today.minusDays(30),
                today.plusDays(10)), null));

        await().atMost(Duration.ofSeconds(20)).until(() -> basket("").path("total").asLong() == 2);
        JsonNode basket = basket("");
        assertThat(basket.path("items")).extracting(i -> i.path("text").asText()).containsExactly(
                "Wiedervorlage zum " + german(today) + ": Unterlagen Sprachkurs nachfragen",
                "Eine Einwilligung endet am " + german(today.plusDays(10)) + ".");
        basket.path("items").forEach(i -> {
            assertThat(i.path("caseLabel").asText()).isEqualTo("Beispiel, Amina");
            assertThat(i.path("caseNumber").asText()).matches("KIM-\\d{4}-\\d{5}");
            assertThat(i.path("caseId").asText()).isEqualTo(caseId);
            assertThat(i.path("text").asText()).doesNotContainPattern(UUID_PATTERN);
        });
        assertThat(basket("&size=1").path("items").size()).isEqualTo(1);
        assertThat(exchange(HttpMethod.GET, "/api/work-basket?size=201", null, null).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        TestTokens.signIn(http, TestTokens.token(TestTokens.TENANT, "cm-someone-else", Role.CASE_MANAGER));
        assertThat(basket("").path("total").asLong()).isZero();
        String followUpItem = basket.path("items").get(0).path("id").asText();
        assertThat(exchange(HttpMethod.POST, "/api/work-basket/" + followUpItem + "/done", null, null).getStatusCode())
                .as("another case manager's item").isEqualTo(HttpStatus.NOT_FOUND);
        signIn();

        String consentItem = basket.path("items").get(1).path("id").asText();
        assertThat(exchange(HttpMethod.POST, "/api/work-basket/" + consentItem + "/done", null, null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        await().atMost(Duration.ofSeconds(20)).until(() -> basket("").path("total").asLong() == 1);
        // Rebuilt from the event store, the basket is the same: what was done stays done.
        workBasket.rebuild();
        assertThat(basket("").path("items").findValuesAsText("id")).containsExactly(followUpItem);

        assertThat(exchange(HttpMethod.POST, "/api/work-basket/" + followUpItem + "/done", null, null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        await().atMost(Duration.ofSeconds(20)).until(() -> basket("").path("total").asLong() == 0);
        assertThat(caseFile(caseId).at("/followUps/0/completedOn").asText()).isEqualTo(today.toString());
        assertThat(http.getForEntity("/api/cases/" + caseId + "/history", String.class).getBody())
                .contains("Eintrag im Arbeitskorb erledigt");
        assertThat(exchange(HttpMethod.POST, "/api/work-basket/" + followUpItem + "/done", null, null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void a_case_opens_without_a_language_and_its_file_says_none() throws Exception {
        for (String languages : List.of("\"languages\":[],", "")) {
            ResponseEntity<String> opened = exchange(HttpMethod.POST, CaseServiceIntegrationTest.OPEN_AGAIN,
                    CaseServiceIntegrationTest.VALID_CASE.replace("cm-anna", manager).replace("\"languages\":[\"ar\",\"de\"],",
                            languages), null);
            String caseId = created(opened);
            await().atMost(Duration.ofSeconds(20)).until(() -> caseFile(caseId).path("version").asLong() >= 0);
            assertThat(caseFile(caseId).at("/client/languages").size()).isZero();
            assertThat(http.getForEntity("/api/cases/" + caseId + "/history", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void the_history_comes_a_page_at_a_time_newest_first_with_the_total() throws Exception {
        String caseId = openCase();
        for (int minutes = 1; minutes <= 3; minutes++) {
            assertThat(exchange(HttpMethod.POST, "/api/cases/" + caseId + "/contacts", contact("PHONE", minutes, "n"),
                    null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
        JsonNode first = json.readTree(http.getForEntity("/api/cases/" + caseId + "/history?page=0&size=2",
                String.class).getBody());
        assertThat(first.path("total").asLong()).isEqualTo(4);
        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("size").asInt()).isEqualTo(2);
        assertThat(first.path("items").findValuesAsText("type")).containsExactly("ContactRecorded", "ContactRecorded");
        assertThat(first.at("/items/0/sequence").asLong()).isGreaterThan(first.at("/items/1/sequence").asLong());
        JsonNode last = json.readTree(http.getForEntity("/api/cases/" + caseId + "/history?page=1&size=2",
                String.class).getBody());
        assertThat(last.path("items").findValuesAsText("type")).containsExactly("ContactRecorded", "CaseOpened");
        assertThat(last.at("/items/0/text").asText()).as("a line of a later page opens its note")
                .isEqualTo("Beratungskontakt am " + german(today) + ": Telefonat, 1 Minuten, mit Dolmetschung. n");
        JsonNode third = json.readTree(http.getForEntity("/api/cases/" + caseId + "/history?page=1&size=3",
                String.class).getBody());
        assertThat(third.path("items").findValuesAsText("type")).as("a last page that is not full")
                .containsExactly("CaseOpened");
        JsonNode beyond = json.readTree(http.getForEntity("/api/cases/" + caseId + "/history?page=2&size=2",
                String.class).getBody());
        assertThat(beyond.path("items").size()).as("a page after the last").isZero();
        assertThat(beyond.path("total").asLong()).isEqualTo(4);
        assertThat(json.readTree(http.getForEntity("/api/cases/" + caseId + "/history", String.class).getBody())
                .path("size").asInt()).as("the size if none is asked").isEqualTo(50);

        ResponseEntity<String> tooLarge = http.getForEntity("/api/cases/" + caseId + "/history?size=201", String.class);
        assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooLarge.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(tooLarge.getBody()).at("/errors/0/field").asText()).isEqualTo("size");
    }

    @Test
    void bad_input_to_the_consent_form_is_a_problem_naming_the_field() throws Exception {
        String caseId = openCase();
        String valid = """
                {"recipient":"immigration-office","purposes":["RESIDENCE_MATTERS"],"dataCategories":["ACHIEVEMENTS"],
                 "form":"WRITTEN","givenOn":"%s","validUntil":"%s"}""".formatted(today, today.plusYears(1));
        for (var bad : java.util.Map.of(
                "purposes", valid.replace("[\"RESIDENCE_MATTERS\"]", "[]"),
                "dataCategories", valid.replace("[\"ACHIEVEMENTS\"]", "[\"NO_SUCH_CATEGORY\"]"),
                "validUntil", valid.replace("\"validUntil\":\"" + today.plusYears(1), "\"validUntil\":\"01.10.2027"),
                "recipient", valid.replace("\"recipient\":\"immigration-office\",", "")).entrySet()) {
            ResponseEntity<String> refused = exchange(HttpMethod.POST, "/api/cases/" + caseId + "/consents", bad.getValue(),
                    null);
            assertThat(refused.getStatusCode()).as(bad.getKey()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getHeaders().getContentType()).as(bad.getKey()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            JsonNode problem = json.readTree(refused.getBody());
            assertThat(problem.path("errors").findValuesAsText("field")).as(bad.getKey())
                    .anyMatch(field -> field.startsWith(bad.getKey()));
            assertThat(problem.path("detail").asText()).as(bad.getKey()).isNotBlank();
        }
        assertThat(caseFile(caseId).path("consents").size()).as("nothing recorded").isZero();
    }

    private String client(String familyName, String town, String nationality) {
        return """
                {"givenName":"Amina","familyName":"%s","dateOfBirth":"1990-04-12","nationality":"%s",
                 "languages":["ar","de","en"],"town":"%s",
                 "contact":{"email":"amina.beispiel@example.org","address":"Mittelstraße 5, 40721 Hilden"}}"""
                .formatted(familyName, nationality, town);
    }

    private String contact(String kind, int minutes, String note) {
        return """
                {"contactOn":"%s","kind":"%s","durationMinutes":%d,"interpreterLanguage":"ar",
                 "participants":"Ehemann","note":"%s","entrusted":false}""".formatted(today, kind, minutes, note);
    }

    private static String german(LocalDate day) {
        return day.format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
    }

    private JsonNode basket(String query) throws Exception {
        return json.readTree(http.getForEntity("/api/work-basket?page=0" + query, String.class).getBody());
    }

    private String openCase() throws Exception {
        return created(exchange(HttpMethod.POST, CaseServiceIntegrationTest.OPEN_AGAIN,
                CaseServiceIntegrationTest.VALID_CASE.replace("cm-anna", manager), null));
    }

    private String created(ResponseEntity<String> response) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(response.getBody()).path("id").asText();
    }

    private JsonNode caseFile(String caseId) throws Exception {
        return json.readTree(http.getForEntity("/api/cases/" + caseId, String.class).getBody());
    }

    private ResponseEntity<String> exchange(HttpMethod method, String path, String body, String ifMatch) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            headers.set(HttpHeaders.IF_MATCH, ifMatch);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private long storedPayloadsWith(String marker) {
        String needle = new String(marker.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        return jdbc.query("select payload from domainevententry", (rs, n) -> rs.getBytes(1)).stream()
                .filter(payload -> new String(payload, StandardCharsets.ISO_8859_1).contains(needle)).count();
    }
}
