package de.kim.cases.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kim.platform.audit.AuditEntry;
import de.kim.platform.audit.AuditTrail;
import de.kim.platform.domain.Role;
import de.kim.platform.testing.TestTokens;
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

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** No read of personal data without its audit entry: a list records every case shown, a lost audit store refuses the read. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditIntegrationTest {

    /** The immigration office's audit API as a stub: what it was asked, and its one entry. */
    static final List<String> ASKED = new java.util.concurrent.CopyOnWriteArrayList<>();
    static final com.sun.net.httpserver.HttpServer OFFICE = office();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
        String office = "http://localhost:" + OFFICE.getAddress().getPort();
        registry.add("kim.audit.peers.immigration-office-service", () -> office);
        registry.add("kim.audit.peers.partner-service", () -> "http://localhost:1");
    }

    static com.sun.net.httpserver.HttpServer office() {
        try {
            com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress("localhost", 0), 0);
            server.createContext("/api/audit/immigration-office-service/disclosure", exchange -> {
                ASKED.add(exchange.getRequestURI().getQuery() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
                byte[] body = ("[{\"id\":\"e-1\",\"at\":\"2026-11-03T10:15:00Z\",\"tenant\":\"kreis-mettmann\","
                        + "\"actor\":\"abh-jonas\",\"roles\":\"IMMIGRATION_OFFICER\",\"action\":\"READ\","
                        + "\"operation\":\"GET /api/residence-records/{id}\",\"subject\":\"record-7\",\"status\":200,"
                        + "\"purpose\":\"RESIDENCE_MATTERS\"}]").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditTrail audit;

    @BeforeEach
    void signIn() {
        TestTokens.signIn(http, TestTokens.token(TestTokens.TENANT, "cm-anna", Role.CASE_MANAGEMENT_LEAD));
    }

    @Test
    void the_case_list_records_a_read_of_every_case_it_shows() throws Exception {
        String first = open();
        String second = open();
        await().atMost(Duration.ofSeconds(20)).until(() -> http.getForObject("/api/cases", String.class).contains(second));

        ResponseEntity<String> list = http.getForEntity("/api/cases", String.class);

        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        for (String id : List.of(first, second)) {
            List<AuditEntry> entries = audit.find(TestTokens.TENANT, id, null, null, null, 100);
            assertThat(entries).filteredOn(entry -> entry.operation().equals("GET /api/cases"))
                    .isNotEmpty()
                    .allSatisfy(entry -> {
                        assertThat(entry.action()).isEqualTo("READ");
                        assertThat(entry.actor()).isEqualTo("cm-anna");
                        assertThat(entry.status()).isEqualTo(200);
                    });
        }
    }

    @Test
    void a_read_whose_audit_entry_cannot_be_written_answers_503_and_shows_no_data() throws Exception {
        String id = open();
        await().atMost(Duration.ofSeconds(20)).until(() -> http.getForEntity("/api/cases/" + id, String.class)
                .getStatusCode().is2xxSuccessful());

        jdbc.execute("alter table kim_audit_entry rename to kim_audit_entry_away");
        try {
            for (String path : List.of("/api/cases/" + id, "/api/cases", "/api/cases/" + id + "/self-disclosure")) {
                ResponseEntity<String> refused = http.getForEntity(path, String.class);

                assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
                JsonNode problem = json.readTree(refused.getBody());
                assertThat(problem.path("title").asText()).isEqualTo("Zugriff kann nicht protokolliert werden");
                assertThat(problem.path("detail").asText()).contains("keine Daten");
                assertThat(refused.getBody()).doesNotContain("Beispiel", "Amina", "Velbert", "1990");
            }
            HttpHeaders english = new HttpHeaders();
            english.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
            ResponseEntity<String> inEnglish = http.exchange("/api/cases/" + id, HttpMethod.GET, new HttpEntity<>(english),
                    String.class);
            assertThat(json.readTree(inEnglish.getBody()).path("title").asText()).isEqualTo("Access cannot be recorded");
        } finally {
            jdbc.execute("alter table kim_audit_entry_away rename to kim_audit_entry");
        }

        assertThat(http.getForEntity("/api/cases/" + id, String.class).getBody()).contains("Beispiel");
    }

    @Test
    void the_self_disclosure_gathers_the_immigration_offices_reads_of_the_linked_record_with_the_callers_token()
            throws Exception {
        String id = open();
        await().atMost(Duration.ofSeconds(20)).until(() -> http.getForEntity("/api/cases/" + id, String.class)
                .getStatusCode().is2xxSuccessful());
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.exchange("/api/cases/" + id + "/residence-record", HttpMethod.PUT,
                new HttpEntity<>("{\"residenceRecordId\":\"record-7\"}", headers), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        await().atMost(Duration.ofSeconds(20)).until(() -> http.getForObject("/api/cases/" + id, String.class)
                .contains("record-7"));

        ResponseEntity<String> disclosure = http.getForEntity("/api/cases/" + id + "/self-disclosure", String.class);

        assertThat(disclosure.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode office = json.readTree(disclosure.getBody()).at("/otherServices/immigration-office-service");
        assertThat(office.findValuesAsText("actor")).containsExactly("abh-jonas");
        assertThat(office.findValuesAsText("purpose")).containsExactly("RESIDENCE_MATTERS");
        assertThat(json.readTree(disclosure.getBody()).at("/otherServices/partner-service")).as("no referral, nothing asked")
                .isEmpty();
        assertThat(ASKED).anySatisfy(asked -> assertThat(asked).startsWith("subject=record-7 Bearer ey"));
    }

    private String open() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> created = http.postForEntity(CaseServiceIntegrationTest.OPEN_AGAIN,
                new HttpEntity<>(CaseServiceIntegrationTest.VALID_CASE, headers), String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(created.getBody()).path("id").asText();
    }
}
