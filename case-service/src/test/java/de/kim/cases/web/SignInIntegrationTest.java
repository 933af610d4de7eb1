package de.kim.cases.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kim.platform.domain.Role;
import de.kim.platform.testing.EveryOperation;
import de.kim.platform.testing.TestTokens;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Who gets in and who sees which case: tokens refused, roles, tenants, assigned cases. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInIntegrationTest {

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

    @Test
    void requests_without_a_valid_token_get_401_problem_details_and_change_nothing() throws Exception {
        long eventsBefore = storedEvents();
        Map<String, Object> anna = TestTokens.claims(TestTokens.TENANT, "cm-anna", Role.CASE_MANAGER);
        Map<String, String> refused = Map.of(
                "none", "",
                "expired", TestTokens.sign(anna, Instant.now().minus(Duration.ofMinutes(5)), TestTokens.privateKey(), TestTokens.ISSUER),
                "forged", TestTokens.sign(anna, Instant.now().plus(Duration.ofMinutes(5)), TestTokens.foreignKey(), TestTokens.ISSUER),
                "other issuer", TestTokens.sign(anna, Instant.now().plus(Duration.ofMinutes(5)), TestTokens.privateKey(), "https://evil.example.org"),
                "unserved tenant", TestTokens.token("kreis-unbekannt", "cm-anna", Role.CASE_MANAGER),
                "garbage", "not.a.token");
        for (Map.Entry<String, String> token : refused.entrySet()) {
            ResponseEntity<String> answer = open(token.getValue());
            assertThat(answer.getStatusCode()).as(token.getKey()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(answer.getHeaders().getContentType()).as(token.getKey()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as(token.getKey()).startsWith("Bearer");
            assertThat(json.readTree(answer.getBody()).path("title").asText()).isEqualTo("Anmeldung erforderlich");
        }
        assertThat(storedEvents()).isEqualTo(eventsBefore);
        assertThat(http.getForEntity("/actuator/health/liveness", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/v3/api-docs", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void a_role_that_may_not_work_cases_gets_403_problem_details() throws Exception {
        for (String token : new String[]{TestTokens.token(TestTokens.TENANT, "nobody"),
                TestTokens.token(TestTokens.TENANT, "steuerung", Role.STEERING_MEMBER),
                TestTokens.token(TestTokens.TENANT, "admin", Role.ADMINISTRATOR)}) {
            ResponseEntity<String> answer = open(token);
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(json.readTree(answer.getBody()).path("type").asText()).isEqualTo("urn:kim:problem:forbidden");
        }
    }

    @Test
    void a_token_whose_roles_cannot_be_read_or_that_is_for_another_audience_opens_no_operation() throws Exception {
        long eventsBefore = storedEvents();
        EveryOperation.assertClosedToUnreadableRolesAndOtherAudiences(http, json);
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void a_case_manager_sees_and_works_only_the_cases_assigned_to_them_the_lead_sees_all() throws Exception {
        String lead = TestTokens.token(TestTokens.TENANT, "lea-lead", Role.CASE_MANAGEMENT_LEAD);
        String bert = TestTokens.token(TestTokens.TENANT, "cm-bert", Role.CASE_MANAGER);
        String anna = TestTokens.token(TestTokens.TENANT, "cm-anna", Role.CASE_MANAGER);
        ResponseEntity<String> opened = open(anna);
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = json.readTree(opened.getBody()).path("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/cases/" + id, anna).getStatusCode() == HttpStatus.OK);

        assertThat(get("/api/cases/" + id, lead).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("/api/cases/" + id, bert).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/cases/" + id + "/history", bert).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/cases", bert).getBody()).doesNotContain(id);
        assertThat(get("/api/cases", anna).getBody()).contains(id);
        ResponseEntity<String> theme = http.exchange("/api/cases/" + id + "/themes", HttpMethod.POST,
                new HttpEntity<>("{\"freeText\":\"Wohnungssuche\"}", json(bert)), String.class);
        assertThat(theme.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<String> handedOver = http.exchange("/api/cases/" + id + "/handover", HttpMethod.POST,
                new HttpEntity<>("{\"toCaseManager\":\"cm-bert\",\"note\":\"Urlaub\"}", json(anna)), String.class);
        assertThat(handedOver.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/cases/" + id, bert).getStatusCode() == HttpStatus.OK);
        assertThat(get("/api/cases/" + id, anna).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void every_read_and_change_of_a_case_is_in_the_audit_trail_for_the_tenants_administrator_with_ids_only() throws Exception {
        String anna = TestTokens.token(TestTokens.TENANT, "cm-anna", Role.CASE_MANAGER);
        String id = json.readTree(open(anna).getBody()).path("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/cases/" + id, anna).getStatusCode() == HttpStatus.OK);
        get("/api/cases/" + id + "/history", anna);
        get("/api/cases/" + id, TestTokens.token(TestTokens.TENANT, "cm-bert", Role.CASE_MANAGER));

        String admin = TestTokens.token(TestTokens.TENANT, "admin-1", Role.ADMINISTRATOR);
        ResponseEntity<String> trail = get("/api/audit/case-service?subject=" + id, admin);
        assertThat(trail.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode entries = json.readTree(trail.getBody());
        assertThat(entries.findValuesAsText("operation")).contains("GET /api/cases/{id}", "GET /api/cases/{id}/history");
        assertThat(entries.findValuesAsText("actor")).contains("cm-anna", "cm-bert");
        assertThat(entries.findValuesAsText("action")).contains("READ");
        assertThat(entries.findValuesAsText("purpose")).containsOnly("CASE_MANAGEMENT");
        // Bert's look at a case not his is recorded with its answer.
        assertThat(entries.toString()).contains("\"status\":404");
        assertThat(trail.getBody()).doesNotContain("Amina", "Beispiel", "1990-04-12");

        assertThat(json.readTree(get("/api/audit/case-service?subject=" + id,
                TestTokens.token(TestTokens.OTHER_TENANT, "admin-2", Role.ADMINISTRATOR)).getBody())).isEmpty();
        assertThat(get("/api/audit/case-service", anna).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void colleagues_are_known_by_the_name_they_sign_in_with_a_page_at_a_time_and_the_history_names_them() throws Exception {
        String anna = named("cm-anna", "Anna Arbeit", Role.CASE_MANAGER);
        String bert = named("cm-bert", "Bert Beispiel", Role.CASE_MANAGER);
        String lead = named("lea-lead", "Lea Leitung", Role.CASE_MANAGEMENT_LEAD);
        String id = json.readTree(open(anna).getBody()).path("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/cases/" + id, anna).getStatusCode() == HttpStatus.OK);
        get("/api/cases", bert);

        JsonNode everyone = json.readTree(get("/api/staff", lead).getBody());
        assertThat(everyone.path("items").findValuesAsText("name")).containsExactly("Anna Arbeit", "Bert Beispiel", "Lea Leitung");
        assertThat(everyone.path("items").findValuesAsText("userId")).containsExactly("cm-anna", "cm-bert", "lea-lead");
        assertThat(everyone.at("/items/2/roles/0").asText()).isEqualTo("CASE_MANAGEMENT_LEAD");
        assertThat(everyone.path("total").asLong()).isEqualTo(3);
        JsonNode secondManager = json.readTree(get("/api/staff?role=CASE_MANAGER&size=1&page=1", anna).getBody());
        assertThat(secondManager.path("items").findValuesAsText("name")).containsExactly("Bert Beispiel");
        assertThat(secondManager.path("total").asLong()).isEqualTo(2);

        ResponseEntity<String> badRole = get("/api/staff?role=PARTNER_STAFF", lead);
        assertThat(badRole.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(badRole.getBody()).path("detail").asText())
                .isEqualTo("Die Rolle muss eine dieser sein: CASE_MANAGER, CASE_MANAGEMENT_LEAD.");
        ResponseEntity<String> otherTenant = http.exchange("/api/staff", HttpMethod.GET,
                new HttpEntity<>(TestTokens.bearer(TestTokens.sign(withName(TestTokens.claims(TestTokens.OTHER_TENANT, "max-lead",
                        Role.CASE_MANAGEMENT_LEAD), "Max Muster")))), String.class);
        assertThat(otherTenant.getBody()).contains("Max Muster").doesNotContain("cm-anna", "Anna Arbeit");
        assertThat(json.readTree(get("/api/staff", lead).getBody()).path("total").asLong())
                .as("a lead of the same id in another tenant is not a colleague").isEqualTo(3);
        assertThat(get("/api/staff", TestTokens.partnerStaff(TestTokens.TENANT, "pia", "partner-1")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // A new name in the token is the name from then on; the history names who did what by it.
        String annaRenamed = named("cm-anna", "Anna Neuname", Role.CASE_MANAGER);
        ResponseEntity<String> handedOver = http.exchange("/api/cases/" + id + "/handover", HttpMethod.POST,
                new HttpEntity<>("{\"toCaseManager\":\"cm-bert\",\"note\":\"Urlaub\"}", json(annaRenamed)), String.class);
        assertThat(handedOver.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/cases/" + id, bert).getStatusCode() == HttpStatus.OK);
        JsonNode history = json.readTree(get("/api/cases/" + id + "/history", bert).getBody()).path("items");
        assertThat(history.get(0).path("text").asText()).isEqualTo("Fall übergeben von Anna Neuname an Bert Beispiel");
        assertThat(history.get(0).path("actorName").asText()).isEqualTo("Anna Neuname");
        assertThat(history.get(0).path("actor").asText()).isEqualTo("cm-anna");
        assertThat(history.get(history.size() - 1).path("text").asText()).endsWith("zuständig: Anna Neuname");
        assertThat(json.readTree(get("/api/staff", lead).getBody()).path("items").findValuesAsText("name"))
                .containsExactly("Anna Neuname", "Bert Beispiel", "Lea Leitung");

        // Who has not been seen for more than a year (left the Kommune, or case management) is no longer
        // offered, but the history still names them.
        jdbc.update("update kim_staff_name set seen_on = ? where user_id = 'cm-anna'", LocalDate.now().minusMonths(13));
        assertThat(json.readTree(get("/api/staff", lead).getBody()).path("items").findValuesAsText("name"))
                .containsExactly("Bert Beispiel", "Lea Leitung");
        assertThat(json.readTree(get("/api/cases/" + id + "/history", bert).getBody()).path("items").get(0)
                .path("text").asText()).isEqualTo("Fall übergeben von Anna Neuname an Bert Beispiel");
    }

    /** A token that names the person, as the sign-in server's tokens do. */
    private static String named(String user, String name, Role role) {
        return TestTokens.sign(withName(TestTokens.claims(TestTokens.TENANT, user, role), name));
    }

    private static Map<String, Object> withName(Map<String, Object> claims, String name) {
        claims.put("name", name);
        return claims;
    }

    private ResponseEntity<String> open(String token) {
        return http.exchange(CaseServiceIntegrationTest.OPEN_AGAIN, HttpMethod.POST, new HttpEntity<>(CaseServiceIntegrationTest.VALID_CASE, json(token)),
                String.class);
    }

    private ResponseEntity<String> get(String path, String token) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(TestTokens.bearer(token)), String.class);
    }

    private static HttpHeaders json(String token) {
        HttpHeaders headers = token.isEmpty() ? new HttpHeaders() : TestTokens.bearer(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    private long storedEvents() {
        return jdbc.queryForObject("select count(*) from domainevententry", Long.class);
    }
}
