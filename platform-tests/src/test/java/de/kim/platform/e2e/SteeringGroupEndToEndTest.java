package de.kim.platform.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import static de.kim.platform.e2e.Gateway.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Lenkungsgruppe through the gateway: a group with a member, a meeting with attendance and
 * minutes, a decision that gives the member two tasks and adopts a new version of the action plan
 * in which a goal was retired; the earlier version stays readable, another Kommune sees nothing;
 * a guest changes role and leaves, and is no longer recorded present; the yearly file compares
 * with the version in force; the report to the Land lists the partners by kind in words.
 */
class SteeringGroupEndToEndTest {

    @RegisterExtension
    static final StartedPlatform PLATFORM = StartedPlatform.shared();
    static final String STEERING = "steuerung.mettmann";
    static final String OTHER_STEERING = "steuerung.musterland";

    @Test
    void a_meeting_decides_a_task_and_adopts_a_new_version_of_the_plan() {
        Gateway steering = PLATFORM.as(STEERING);
        String today = LocalDate.now(ZoneId.of("Europe/Berlin")).toString();
        String goal = id(steering.post("/api/steering/action-plan/goals",
                "{\"title\":\"Beratung in jeder Stadt erreichbar\",\"fieldOfAction\":\"SOCIAL_PARTICIPATION\"}"));
        String group = id(steering.post("/api/steering/groups", "{\"body\":\"STEERING_GROUP\",\"name\":\"Lenkungsgruppe E2E\"}"));
        String member = id(steering.post("/api/steering/groups/" + group + "/members",
                "{\"name\":\"Erika Beispiel\",\"organisation\":\"Kommunales Integrationszentrum\",\"role\":\"CHAIR\"}"));
        String guest = id(steering.post("/api/steering/groups/" + group + "/members",
                "{\"name\":\"Max Muster\",\"organisation\":\"VHS\",\"role\":\"GUEST\"}"));
        assertThat(steering.put("/api/steering/groups/" + group + "/members/" + guest,
                "{\"organisation\":\"Jobcenter Kreis Mettmann\",\"role\":\"MEMBER\"}").statusCode()).isEqualTo(204);
        assertThat(steering.delete("/api/steering/groups/" + group + "/members/" + guest).statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode former = json(steering.get("/api/steering/groups/" + group)).path("members").findParents("id").stream()
                    .filter(m -> m.path("id").asText().equals(guest)).findFirst().orElseThrow();
            assertThat(former.path("organisation").asText()).isEqualTo("Jobcenter Kreis Mettmann");
            assertThat(former.path("role").asText()).isEqualTo("MEMBER");
            assertThat(former.path("removedOn").asText()).isEqualTo(today);
        });

        HttpResponse<String> badDay = steering.post("/api/steering/groups/" + group + "/meetings",
                "{\"heldOn\":\"morgen\",\"place\":\"Kreishaus\",\"agenda\":[\"Handlungskonzept\"]}");
        assertThat(badDay.statusCode()).isEqualTo(400);
        assertThat(badDay.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        String meetings = "/api/steering/groups/" + group + "/meetings";
        String meeting = id(steering.post(meetings, "{\"heldOn\":\"" + today + "\",\"place\":\"Kreishaus Mettmann\","
                + "\"agenda\":[\"Fortschreibung des Handlungskonzepts\"]}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> steering.get(meetings + "/" + meeting).statusCode() == 200);
        JsonNode detail = json(steering.get(meetings + "/" + meeting));
        String item = detail.at("/meeting/agenda/0/id").asText();
        // The guest has left: not recorded present any more.
        assertThat(steering.put(meetings + "/" + meeting + "/attendance", "{\"presentMemberIds\":[\"" + member + "\",\""
                + guest + "\"]}").statusCode()).isEqualTo(400);
        assertThat(steering.put(meetings + "/" + meeting + "/attendance", "{\"presentMemberIds\":[\"" + member + "\"]}")
                .statusCode()).isEqualTo(204);
        assertThat(steering.put(meetings + "/" + meeting + "/agenda/" + item + "/minutes",
                "{\"text\":\"Das KI stellt den Entwurf vor.\"}").statusCode()).isEqualTo(204);
        // Another Kommune's steering member can neither read the meeting nor write its minutes.
        Gateway other = PLATFORM.as(OTHER_STEERING);
        assertThat(other.put(meetings + "/" + meeting + "/agenda/" + item + "/minutes", "{\"text\":\"fremd\"}").statusCode())
                .isEqualTo(404);
        assertThat(other.get(meetings + "/" + meeting).statusCode()).isEqualTo(404);

        // The draft of the next version: the goal is retired in it.
        HttpResponse<String> draft = steering.post("/api/steering/action-plan/versions", "");
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        int version = json(draft).path("version").asInt();
        assertThat(steering.post("/api/steering/action-plan/goals/" + goal + "/retirement", "").statusCode()).isEqualTo(204);

        HttpResponse<String> notAMember = steering.post(meetings + "/" + meeting + "/decisions", decision(item, "niemand", today));
        assertThat(notAMember.statusCode()).isEqualTo(400);
        assertThat(json(notAMember).path("detail").asText()).isEqualTo("Eine Aufgabe kann nur ein Mitglied des Gremiums übernehmen.");
        HttpResponse<String> decided = steering.post(meetings + "/" + meeting + "/decisions", decision(item, member, today));
        String decision = id(decided);
        String task = json(decided).at("/taskIds/0").asText();
        assertThat(json(decided).at("/taskIds/1").asText()).isNotBlank().isNotEqualTo(task);
        // Adopted the moment it is taken: the group answers for its decision, not the meetings' read model.
        assertThat(steering.post("/api/steering/action-plan/versions/" + version + "/adoption",
                "{\"decisionId\":\"" + decision + "\"}").statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json(steering.get("/api/steering/decisions/" + decision))
                .path("meetingId").asText()).isEqualTo(meeting));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json(steering.get(
                "/api/steering/tasks?open=true&size=100")).path("items").findValuesAsText("id")).contains(task));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json(steering.get(
                "/api/steering/action-plan/versions/" + version)).path("status").asText()).isEqualTo("ADOPTED"));
        JsonNode adopted = json(steering.get("/api/steering/action-plan/versions/" + version));
        assertThat(adopted.path("decisionId").asText()).isEqualTo(decision);
        assertThat(adopted.path("goals").findValuesAsText("id")).doesNotContain(goal);
        if (version > 1) {
            assertThat(json(steering.get("/api/steering/action-plan/versions/" + (version - 1))).path("status").asText())
                    .isEqualTo("ADOPTED");
        }
        assertThat(json(steering.get("/api/steering/action-plan")).path("inForce").asInt()).isEqualTo(version);
        assertThat(other.get("/api/steering/action-plan/versions/" + version).statusCode()).isEqualTo(404);
        String yearly = steering.get("/api/steering/exports/yearly.csv?year=" + today.substring(0, 4)).body();
        assertThat(yearly).contains("Vergleich mit dem Handlungskonzept in Kraft am 31.12.;Fassung " + version + ", beschlossen am ")
                .doesNotContain("null");

        assertThat(steering.put("/api/steering/groups/" + group + "/tasks/" + task + "/done", "").statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json(steering.get(
                "/api/steering/tasks?open=true&size=100")).path("items").findValuesAsText("id")).doesNotContain(task));
    }

    private static String decision(String item, String owner, String today) {
        return "{\"agendaItemId\":\"" + item + "\",\"subject\":\"Fortschreibung beschlossen\","
                + "\"text\":\"Die Lenkungsgruppe beschließt die neue Fassung.\",\"tasks\":[{\"title\":\"Fassung veröffentlichen\","
                + "\"ownerMemberId\":\"" + owner + "\",\"dueOn\":\"" + today + "\"},{\"title\":\"Träger informieren\","
                + "\"ownerMemberId\":\"" + owner + "\",\"dueOn\":\"" + today + "\"}]}";
    }

    @Test
    void the_report_to_the_land_lists_the_network_partners_by_kind_in_words() {
        Gateway admin = PLATFORM.as("admin.mettmann");
        for (int i = 1; i <= 5; i++) {
            id(admin.post("/api/partners", """
                    {"name":"Jobcenter Standort %d","kind":"JOBCENTER","legalDomains":["SGB_II"],
                     "fieldsOfAction":["TRAINING_WORK"],"towns":["Velbert"],"contact":{"email":"info%d@jobcenter.example"},
                     "agreement":{"signedOn":"2025-01-15","validUntil":"2027-12-31"}}""".formatted(i, i)));
        }
        Gateway steering = PLATFORM.as(STEERING);
        String year = String.valueOf(LocalDate.now(ZoneId.of("Europe/Berlin")).getYear());
        // Steering learns of the partners from kim.partner.v1 (PartnerRegistered v2, with the kind).
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode byKind = json(steering.get("/api/steering/reports/land/" + year)).path("sections").findParents("name")
                    .stream().filter(t -> t.path("name").asText().equals("activePartnersByKind")).findFirst().orElseThrow()
                    .path("figure");
            assertThat(byKind.path("groups").findValuesAsText("label")).contains("Jobcenter");
            assertThat(byKind.path("total").path("count").asLong()).isGreaterThanOrEqualTo(5);
            for (JsonNode g : byKind.path("groups")) {
                assertThat(g.path("label").asText()).doesNotMatch(".*[A-Z]{2,}_[A-Z_]+.*").isNotEqualTo("null");
            }
        });
        String csv = steering.get("/api/steering/reports/land/" + year + ".csv").body();
        assertThat(csv).contains("5. Netzwerk;Aktive Netzwerkpartner nach Art (Organisationen, Stand heute);Jobcenter;")
                .doesNotContain("JOBCENTER", "null");
    }

    private static String id(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).isPresent();
        return json(created).path("id").asText();
    }
}
