package de.kim.steering.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kim.platform.domain.Role;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Lenkungsgruppe keeps its meetings, decisions with tasks and the versions of its action
 * plan through the HTTP API, on the real event store and Mongo-wire server; the decisions
 * recorded before meetings were kept still read, also after the read model is rebuilt.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SteeringGroupsIntegrationTest {

    private static final String TENANT = TestTokens.OTHER_TENANT;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    private final String steering = TestTokens.token(TENANT, "lg-test", Role.STEERING_MEMBER);

    @Test
    void a_meeting_records_attendance_minutes_and_a_decision_whose_task_is_done_later() throws Exception {
        String group = id(send(HttpMethod.POST, "/api/steering/groups",
                "{\"body\":\"STEERING_GROUP\",\"name\":\"Lenkungsgruppe KIM\"}", steering));
        String chair = id(send(HttpMethod.POST, "/api/steering/groups/" + group + "/members",
                "{\"name\":\"Erika Beispiel\",\"organisation\":\"Kommunales Integrationszentrum\",\"role\":\"CHAIR\"}", steering));
        String meetings = "/api/steering/groups/" + group + "/meetings";

        ResponseEntity<String> badDay = send(HttpMethod.POST, meetings,
                "{\"heldOn\":\"12.03.2026\",\"place\":\"Kreishaus\",\"agenda\":[\"Bericht\"]}", steering);
        assertThat(badDay.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(body(badDay).path("errors").findValuesAsText("field")).contains("heldOn");
        assertThat(body(badDay).path("detail").asText()).contains("heldOn").doesNotContain("Exception");

        String meeting = id(send(HttpMethod.POST, meetings, "{\"heldOn\":\"2026-03-12\",\"place\":\"Kreishaus\","
                + "\"agenda\":[\"Bericht aus den Projektgruppen\",\"Fortschreibung des Handlungskonzepts\"]}", steering));
        JsonNode detail = await().atMost(Duration.ofSeconds(20)).until(
                () -> body(send(HttpMethod.GET, meetings + "/" + meeting, null, steering)), d -> d.has("meeting"));
        String item = detail.at("/meeting/agenda/0/id").asText();
        assertThat(detail.at("/meeting/agenda/1/title").asText()).isEqualTo("Fortschreibung des Handlungskonzepts");

        ResponseEntity<String> stranger = send(HttpMethod.PUT, meetings + "/" + meeting + "/attendance",
                "{\"presentMemberIds\":[\"" + chair + "\",\"jemand-anderes\"]}", steering);
        assertThat(stranger.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(body(stranger).path("detail").asText()).isEqualTo("Anwesend sein kann nur, wer dem Gremium angehört.");
        assertThat(send(HttpMethod.PUT, meetings + "/" + meeting + "/attendance",
                "{\"presentMemberIds\":[\"" + chair + "\"]}", steering).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(send(HttpMethod.PUT, meetings + "/" + meeting + "/agenda/" + item + "/minutes",
                "{\"text\":\"Zwei Träger bieten ab Herbst Kurse mit Kinderbetreuung an.\"}", steering).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        // Another Kommune finds neither the meeting nor a way to write its minutes.
        String other = TestTokens.token(TestTokens.TENANT, "lg-fremd", Role.STEERING_MEMBER);
        assertThat(send(HttpMethod.PUT, meetings + "/" + meeting + "/agenda/" + item + "/minutes",
                "{\"text\":\"fremd\"}", other).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(send(HttpMethod.GET, meetings + "/" + meeting, null, other).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        String decisions = meetings + "/" + meeting + "/decisions";
        ResponseEntity<String> notAMember = send(HttpMethod.POST, decisions, "{\"agendaItemId\":\"" + item + "\","
                + "\"subject\":\"Ausschreibung\",\"text\":\"Das KI schreibt aus.\",\"tasks\":[{\"title\":\"Vorbereiten\","
                + "\"ownerMemberId\":\"niemand\",\"dueOn\":\"2026-04-30\"}]}", steering);
        assertThat(notAMember.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(body(notAMember).path("detail").asText()).isEqualTo("Eine Aufgabe kann nur ein Mitglied des Gremiums übernehmen.");

        JsonNode decided = body(send(HttpMethod.POST, decisions, "{\"agendaItemId\":\"" + item + "\","
                + "\"subject\":\"Ausschreibung\",\"text\":\"Das KI schreibt aus.\",\"tasks\":[{\"title\":\"Ausschreibung vorbereiten\","
                + "\"ownerMemberId\":\"" + chair + "\",\"dueOn\":\"2026-04-30\"}]}", steering));
        String task = decided.at("/taskIds/0").asText();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                body(send(HttpMethod.GET, "/api/steering/tasks?open=true&size=100", null, steering)).path("items")
                        .findValuesAsText("id")).contains(task));
        JsonNode open = body(send(HttpMethod.GET, "/api/steering/tasks?open=true&size=100", null, steering));
        assertThat(open.path("items").findValuesAsText("ownerName")).contains("Erika Beispiel");
        assertThat(send(HttpMethod.GET, "/api/steering/tasks?size=500", null, steering).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        JsonNode read = body(send(HttpMethod.GET, meetings + "/" + meeting, null, steering));
        assertThat(read.at("/meeting/presentMemberIds/0").asText()).isEqualTo(chair);
        assertThat(read.at("/meeting/agenda/0/minutes").asText()).startsWith("Zwei Träger");
        assertThat(read.path("decisions").findValuesAsText("subject")).containsExactly("Ausschreibung");

        assertThat(send(HttpMethod.PUT, "/api/steering/groups/" + group + "/tasks/" + task + "/done", null, steering)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                body(send(HttpMethod.GET, "/api/steering/tasks?open=true&size=100", null, steering)).path("items")
                        .findValuesAsText("id")).doesNotContain(task));
        assertThat(send(HttpMethod.PUT, "/api/steering/groups/" + group + "/tasks/" + task + "/done", null, steering)
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void a_member_changes_role_and_leaves_and_stays_on_record_as_a_former_member() throws Exception {
        String group = id(send(HttpMethod.POST, "/api/steering/groups",
                "{\"body\":\"PROJECT_GROUP\",\"name\":\"Projektgruppe Mitglieder\"}", steering));
        String members = "/api/steering/groups/" + group + "/members";
        String guest = id(send(HttpMethod.POST, members,
                "{\"name\":\"Max Muster\",\"organisation\":\"VHS\",\"role\":\"GUEST\"}", steering));

        assertThat(send(HttpMethod.PUT, members + "/" + guest, "{\"organisation\":\"Jobcenter\",\"role\":\"MEMBER\"}",
                steering).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> noRole = send(HttpMethod.PUT, members + "/" + guest, "{\"organisation\":\"Jobcenter\"}",
                steering);
        assertThat(noRole.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(send(HttpMethod.PUT, members + "/niemand", "{\"organisation\":\"VHS\",\"role\":\"MEMBER\"}",
                steering).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                body(send(HttpMethod.GET, "/api/steering/groups/" + group, null, steering)).at("/members/0/role").asText())
                .isEqualTo("MEMBER"));

        assertThat(send(HttpMethod.DELETE, members + "/" + guest, null, steering).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> again = send(HttpMethod.DELETE, members + "/" + guest, null, steering);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(body(again).path("detail").asText()).isEqualTo("Dieses Mitglied ist aus dem Gremium ausgeschieden.");
        JsonNode former = await().atMost(Duration.ofSeconds(20)).until(
                () -> body(send(HttpMethod.GET, "/api/steering/groups/" + group, null, steering)).at("/members/0"),
                m -> !m.path("removedOn").isNull());
        assertThat(former.path("name").asText()).isEqualTo("Max Muster");
        assertThat(former.path("organisation").asText()).isEqualTo("Jobcenter");

        String meeting = id(send(HttpMethod.POST, "/api/steering/groups/" + group + "/meetings",
                "{\"heldOn\":\"2026-05-04\",\"place\":\"Rathaus\",\"agenda\":[\"Bericht\"]}", steering));
        ResponseEntity<String> present = send(HttpMethod.PUT, "/api/steering/groups/" + group + "/meetings/" + meeting
                + "/attendance", "{\"presentMemberIds\":[\"" + guest + "\"]}", steering);
        assertThat(present.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(send(HttpMethod.DELETE, members + "/" + guest, null,
                TestTokens.token(TestTokens.TENANT, "lg-fremd", Role.STEERING_MEMBER)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void the_plan_is_adopted_in_versions_and_earlier_ones_and_old_decisions_stay_readable() throws Exception {
        String goal = id(send(HttpMethod.POST, "/api/steering/action-plan/goals",
                "{\"title\":\"Sprachkurse mit Kinderbetreuung\",\"fieldOfAction\":\"LANGUAGE\"}", steering));
        // A decision recorded as before meetings were kept (DecisionRecordedEvent).
        String oldDecision = id(send(HttpMethod.POST, "/api/steering/action-plan/decisions", "{\"body\":\"PROJECT_GROUP\","
                + "\"decidedOn\":\"2025-11-20\",\"subject\":\"Projektgruppe eingesetzt\",\"text\":\"Erster Bericht im März.\"}", steering));

        ResponseEntity<String> noDraft = send(HttpMethod.PUT, "/api/steering/action-plan/goals/" + goal,
                "{\"title\":\"Anders\"}", steering);
        assertThat(noDraft.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        assertThat(send(HttpMethod.POST, "/api/steering/action-plan/goals/" + goal + "/indicators",
                "{\"metric\":\"CASES_OPENED\",\"direction\":\"AT_LEAST\",\"target\":500,\"from\":\"2026-01\","
                        + "\"to\":\"2026-12\"}", steering).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String group = id(send(HttpMethod.POST, "/api/steering/groups",
                "{\"body\":\"STEERING_GROUP\",\"name\":\"Lenkungsgruppe Fassungen\"}", steering));
        String first = decisionIn(group, "2026-03-12", "Handlungskonzept beschlossen");
        int v1 = body(send(HttpMethod.POST, "/api/steering/action-plan/versions", null, steering)).path("version").asInt();
        assertThat(send(HttpMethod.POST, "/api/steering/action-plan/versions/" + v1 + "/adoption",
                "{\"decisionId\":\"" + oldDecision + "\"}", steering).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(send(HttpMethod.POST, "/api/steering/action-plan/versions/" + v1 + "/adoption",
                "{\"decisionId\":\"no-such-decision\"}", steering).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // Sent the moment the decision is taken: the group answers for it, not the meetings' read model.
        assertThat(send(HttpMethod.POST, "/api/steering/action-plan/versions/" + v1 + "/adoption",
                "{\"decisionId\":\"" + first + "\"}", steering).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        int v2 = body(send(HttpMethod.POST, "/api/steering/action-plan/versions", null, steering)).path("version").asInt();
        assertThat(v2).isEqualTo(v1 + 1);
        assertThat(send(HttpMethod.POST, "/api/steering/action-plan/goals/" + goal + "/retirement", null, steering)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        String second = decisionIn(group, "2027-02-04", "Handlungskonzept fortgeschrieben");
        assertThat(send(HttpMethod.POST, "/api/steering/action-plan/versions/" + v2 + "/adoption",
                "{\"decisionId\":\"" + second + "\",\"groupId\":\"" + group + "\"}", steering).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(body(send(HttpMethod.GET,
                "/api/steering/action-plan/versions/" + v2, null, steering)).path("status").asText()).isEqualTo("ADOPTED"));
        JsonNode earlier = body(send(HttpMethod.GET, "/api/steering/action-plan/versions/" + v1, null, steering));
        assertThat(earlier.path("label").asText()).isEqualTo("Fassung " + v1 + ", beschlossen am 12.03.2026");
        assertThat(earlier.path("goals").findValuesAsText("id")).contains(goal);
        assertThat(body(send(HttpMethod.GET, "/api/steering/action-plan/versions/" + v2, null, steering))
                .path("goals").findValuesAsText("id")).doesNotContain(goal);
        assertThat(body(send(HttpMethod.GET, "/api/steering/action-plan", null, steering)).path("goals")
                .findValuesAsText("id")).doesNotContain(goal);
        assertThat(body(send(HttpMethod.GET, "/api/steering/action-plan/versions", null, steering)).path("total").asInt())
                .isGreaterThanOrEqualTo(2);
        assertThat(send(HttpMethod.GET, "/api/steering/action-plan/versions/99", null, steering).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        // 2026 is compared against the version in force on 31 December 2026: the first, with the goal.
        JsonNode report = body(send(HttpMethod.GET, "/api/steering/reports/yearly/2026", null, steering));
        assertThat(report.at("/actionPlan/number").asInt()).isEqualTo(v1);
        assertThat(report.at("/actionPlan/goals").findValuesAsText("id")).contains(goal);
        // The yearly file compares in words: goal, figure, period, target, value, whether reached.
        ResponseEntity<String> csv = send(HttpMethod.GET, "/api/steering/exports/yearly.csv?year=2026", null, steering);
        assertThat(csv.getBody()).contains("Vergleich mit dem Handlungskonzept in Kraft am 31.12.;Fassung " + v1
                        + ", beschlossen am 12.03.2026", "Ziel;Kennzahl;Zeitraum;Zielwert;Wert;Stand",
                "Sprachkurse mit Kinderbetreuung;Eröffnete Fälle;Januar 2026 – Dezember 2026;mindestens 500;")
                .containsPattern("Sprachkurse mit Kinderbetreuung;[^\\r]*;(noch nicht erreicht|nicht ausgewiesen \\(unter 5\\))\\r")
                .doesNotContain("CASES_OPENED", "AT_LEAST", "null");
        ResponseEntity<byte[]> xlsx = http.exchange("/api/steering/exports/yearly.xlsx?year=2026", HttpMethod.GET,
                new HttpEntity<>(TestTokens.bearer(steering)), byte[].class);
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.getBody()))) {
            java.util.List<String> firstCells = new java.util.ArrayList<>();
            workbook.getSheetAt(0).forEach(row -> firstCells.add(row.getCell(0).getStringCellValue()));
            assertThat(firstCells).contains("Vergleich mit dem Handlungskonzept in Kraft am 31.12.",
                    "Sprachkurse mit Kinderbetreuung");
        }

        // The decision recorded before meetings were kept reads next to the meetings' decisions, in the
        // plan and in the list, also after the read model is replayed from the event store.
        assertThat(body(send(HttpMethod.GET, "/api/steering/action-plan", null, steering)).path("decisions")
                .findValuesAsText("id")).contains(oldDecision, first, second);
        String admin = TestTokens.token(TENANT, "admin-test", Role.ADMINISTRATOR);
        assertThat(send(HttpMethod.POST, "/api/read-models/steering-service/steering-groups/rebuild", null, admin)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode listed = body(send(HttpMethod.GET, "/api/steering/decisions?size=100", null, steering));
        assertThat(listed.path("items").findValuesAsText("id")).contains(oldDecision, first, second);
        assertThat(body(send(HttpMethod.GET, "/api/steering/decisions/" + oldDecision, null, steering))
                .path("subject").asText()).isEqualTo("Projektgruppe eingesetzt");
    }

    @Test
    void the_figures_name_the_towns_they_cover_in_words_never_null() throws Exception {
        ResponseEntity<String> figures = send(HttpMethod.GET, "/api/steering/figures?groupBy=town", null, steering);
        assertThat(body(figures).path("town").asText()).isEqualTo("alle Orte");
        assertThat(figures.getBody()).doesNotContain("\"town\":null");
    }

    /** A meeting of the group on the day with one decision; its id. */
    private String decisionIn(String group, String day, String subject) throws Exception {
        String meeting = id(send(HttpMethod.POST, "/api/steering/groups/" + group + "/meetings",
                "{\"heldOn\":\"" + day + "\",\"place\":\"Kreishaus\",\"agenda\":[\"Handlungskonzept\"]}", steering));
        return id(send(HttpMethod.POST, "/api/steering/groups/" + group + "/meetings/" + meeting + "/decisions",
                "{\"subject\":\"" + subject + "\",\"text\":\"Die Lenkungsgruppe beschließt die Fassung.\"}", steering));
    }

    private ResponseEntity<String> send(HttpMethod method, String path, String body, String token) {
        HttpHeaders headers = TestTokens.bearer(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private JsonNode body(ResponseEntity<String> response) throws Exception {
        return json.readTree(response.getBody() == null ? "{}" : response.getBody());
    }

    private String id(ResponseEntity<String> response) throws Exception {
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
        return body(response).path("id").asText();
    }
}
