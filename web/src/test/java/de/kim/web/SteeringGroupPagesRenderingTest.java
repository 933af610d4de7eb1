package de.kim.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The pages of the groups, a meeting, the plan's versions and the dashboard's open tasks, from
 * answers in the shape steering-service gives: roles, bodies and days in words, the goal a
 * decision serves by its title, never an id, a code or "null".
 */
@SpringBootTest
@AutoConfigureMockMvc
class SteeringGroupPagesRenderingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GROUP = "6f1c2b3a-1111-4a5b-8c9d-0e1f2a3b4c5d";
    private static final String MEETING = "7a2d3c4b-2222-4b6c-9d0e-1f2a3b4c5d6e";
    private static final String MEMBER = "8b3e4d5c-3333-4c7d-8e1f-2a3b4c5d6e7f";
    private static final String GOAL = "9c4f5e6d-4444-4d8e-9f2a-3b4c5d6e7f80";
    private static final String FORMER = "ab3e4d5c-3333-4c7d-8e1f-2a3b4c5d6e80";
    private static final String GONE = "cd3e4d5c-3333-4c7d-8e1f-2a3b4c5d6e81";
    private static final String GROUP_JSON = """
            {"id":"%s","tenant":"kreis-mettmann","body":"STEERING_GROUP","name":"Lenkungsgruppe KIM",
             "members":[{"id":"%s","name":"Erika Beispiel","organisation":"Kommunales Integrationszentrum","role":"CHAIR","removedOn":null},
                        {"id":"%s","name":"Max Früher","organisation":"Jobcenter","role":"MEMBER","removedOn":"2026-06-30"},
                        {"id":"%s","name":"Gerda Gegangen","organisation":"VHS","role":"GUEST","removedOn":"2026-01-31"}]}"""
            .formatted(GROUP, MEMBER, FORMER, GONE);
    private static final String MEETING_JSON = """
            {"id":"%s","tenant":"kreis-mettmann","groupId":"%s","groupName":"Lenkungsgruppe KIM","body":"STEERING_GROUP",
             "heldOn":"2026-03-12","place":"Kreishaus","attendanceRecorded":true,"presentMemberIds":["%s","%s"],
             "agenda":[{"id":"a1b2c3d4-5555-4e9f-8a3b-4c5d6e7f8091","title":"Bericht","minutes":null}]}"""
            .formatted(MEETING, GROUP, MEMBER, FORMER);
    private static final String TASK_JSON = """
            {"id":"b2c3d4e5-6666-4fa0-9b4c-5d6e7f809102","tenant":"kreis-mettmann","groupId":"%s","groupName":"Lenkungsgruppe KIM",
             "meetingId":"%s","decisionId":"c3d4e5f6-7777-4ab1-8c5d-6e7f80910213","title":"Ausschreibung vorbereiten",
             "ownerMemberId":"%s","ownerName":"Erika Beispiel","ownerOrganisation":"Kommunales Integrationszentrum",
             "dueOn":"2026-04-30","goalId":"%s","measureId":null,"done":false,"doneOn":null}"""
            .formatted(GROUP, MEETING, MEMBER, GOAL);
    private static final String PLAN = """
            {"tenant":"kreis-mettmann","inForce":1,"draft":2,"decisions":[],
             "goals":[{"id":"%s","title":"Sprachkurse mit Kinderbetreuung","description":null,"fieldOfAction":"LANGUAGE",
                       "measures":[],"indicators":[{"indicator":{"id":"d4e5f6a7-8888-4bc2-9d6e-7f8091021324","metric":"CASES_OPENED",
                       "direction":"AT_LEAST","target":10,"from":null,"to":null,"town":null},
                       "current":{"count":null,"display":"<5"},"percent":null,"met":null}]}]}""".formatted(GOAL);

    @Autowired
    MockMvc mvc;
    @Autowired
    ClientRegistrationRepository registrations;
    @MockitoBean
    Api api;

    @BeforeEach
    void steeringService() throws Exception {
        doReturn(Map.of()).when(api).read(anyString());
        doReturn(List.of()).when(api).list(anyString());
        doReturn(map(PLAN)).when(api).read(ActionPlanController.PLAN);
        doReturn(map("{\"items\":[" + GROUP_JSON + "],\"total\":1}")).when(api).read("/api/steering/groups?size=100");
        doReturn(map(GROUP_JSON)).when(api).read("/api/steering/groups/" + GROUP);
        doReturn(map("{\"items\":[" + MEETING_JSON + "],\"total\":1}")).when(api).read("/api/steering/meetings?size=20&page=0");
        doReturn(map("{\"items\":[" + MEETING_JSON + "],\"total\":1}")).when(api).read("/api/steering/meetings?upcoming=true&size=1");
        doReturn(map("{\"items\":[" + TASK_JSON + "],\"total\":1}")).when(api).read("/api/steering/tasks?open=true&size=20");
        doReturn(map("""
                {"items":[{"number":1,"status":"ADOPTED","statusLabel":"beschlossen","adoptedOn":"2026-03-12",
                 "label":"Fassung 1, beschlossen am 12.03.2026","decisionId":"x","meetingId":"y","goals":%s}],"total":1}"""
                .formatted(JSON.readTree(PLAN).path("goals"))))
                .when(api).read(ActionPlanController.PLAN + "/versions?size=100");
        String detail = """
                {"meeting":%s,"decisions":[{"id":"c3d4e5f6-7777-4ab1-8c5d-6e7f80910213","subject":"Ausschreibung",
                 "text":"Das KI schreibt aus.","goalId":"%s","measureId":null}],"tasks":[%s]}"""
                .formatted(MEETING_JSON, GOAL, TASK_JSON);
        when(api.get(anyString(), anyMap())).thenReturn(new Api.Answer(200, JSON.readTree(detail)));
        when(api.map(any())).thenAnswer(call -> JSON.convertValue(((Api.Answer) call.getArgument(0)).body(), Map.class));
    }

    @Test
    void the_dashboard_shows_the_open_tasks_and_the_next_meeting_in_words() throws Exception {
        String visible = visible("/steuerung");
        assertThat(visible).contains("Offene Aufgaben", "Ausschreibung vorbereiten", "Erika Beispiel", "30.04.2026",
                "Lenkungsgruppe KIM am 12.03.2026, Kreishaus", "In Kraft: Fassung 1.");
        assertNoCodes(visible);
    }

    @Test
    void the_groups_and_the_meeting_show_roles_days_and_goals_in_words() throws Exception {
        String groups = visible("/steuerung/gremien");
        assertThat(groups).contains("Lenkungsgruppe KIM", "Vorsitz", "Kommunales Integrationszentrum", "12.03.2026");
        assertNoCodes(groups);

        String meeting = visible("/steuerung/gremien/" + GROUP + "/sitzungen/" + MEETING);
        assertThat(meeting).contains("Sitzung: Lenkungsgruppe KIM am 12.03.2026", "TOP 1: Bericht",
                "2 von 2 Mitgliedern anwesend", "Sprachkurse mit Kinderbetreuung", "Ausschreibung vorbereiten", "offen",
                "beschließt den Entwurf der Fassung 2");
        assertNoCodes(meeting);
    }

    @Test
    void former_members_are_listed_apart_and_are_no_choice_in_a_meeting() throws Exception {
        String page = html("/steuerung/gremien");
        String groups = words(page);
        assertThat(groups).contains("Ausgeschiedene Mitglieder", "Max Früher", "30.06.2026", "Gerda Gegangen", "31.01.2026",
                "Erika Beispiel scheidet aus");
        assertThat(page).contains("id=\"change-member-" + MEMBER + "\"", "id=\"remove-member-" + MEMBER + "\"")
                .doesNotContain("id=\"change-member-" + FORMER + "\"", "id=\"remove-member-" + FORMER + "\"");

        String meeting = html("/steuerung/gremien/" + GROUP + "/sitzungen/" + MEETING);
        // Max Früher was present before he left: he stays on the attendance (hidden), but is no checkbox and no owner.
        assertThat(words(meeting)).contains("Max Früher (Jobcenter) war anwesend und ist am 30.06.2026 ausgeschieden.")
                .doesNotContain("Gerda Gegangen");
        assertThat(meeting).contains("type=\"hidden\" name=\"present\" value=\"" + FORMER + "\"")
                .doesNotContain("id=\"present-" + FORMER + "\"", "value=\"" + GONE + "\"")
                .doesNotContain("<option value=\"" + FORMER + "\"");
        assertThat(meeting).contains("id=\"rd-task-1\"", "id=\"rd-task-3\"", "<option value=\"" + MEMBER + "\"")
                .doesNotContain("id=\"rd-task-4\"");
        assertThat(html("/steuerung/gremien/" + GROUP + "/sitzungen/" + MEETING + "?aufgaben=6")).contains("id=\"rd-task-6\"");
    }

    @Test
    void a_decision_takes_every_filled_task_row_and_names_a_problem_by_its_row() throws Exception {
        String decisions = "/api/steering/groups/" + GROUP + "/meetings/" + MEETING + "/decisions";
        when(api.send(eq(HttpMethod.POST), eq(decisions), any())).thenReturn(new Api.Answer(201,
                JSON.readTree("{\"id\":\"d-1\"}")));
        mvc.perform(post("/steuerung/gremien/" + GROUP + "/sitzungen/" + MEETING + "/beschluesse").with(csrf())
                        .with(signedIn()).param("subject", "Ausschreibung").param("text", "Das KI schreibt aus.")
                        .param("taskTitle", "Ausschreibung vorbereiten", "", "Träger anschreiben, bis Mai")
                        .param("owner", MEMBER, "", MEMBER).param("dueOn", "2026-04-30", "", "2026-05-15"))
                .andExpect(status().isFound());
        verify(api).send(eq(HttpMethod.POST), eq(decisions), argThat(body -> body instanceof Map<?, ?> map
                && map.get("tasks") instanceof List<?> tasks && tasks.size() == 2
                && ((Map<?, ?>) tasks.get(1)).get("title").equals("Träger anschreiben, bis Mai")
                && ((Map<?, ?>) tasks.get(1)).get("dueOn").equals("2026-05-15")));

        when(api.send(eq(HttpMethod.POST), eq(decisions), any())).thenReturn(new Api.Answer(400, JSON.readTree("""
                {"status":400,"detail":"Eine Aufgabe kann nur ein Mitglied des Gremiums übernehmen.",
                 "errors":[{"field":"tasks[0].ownerMemberId","message":"Eine Aufgabe kann nur ein Mitglied des Gremiums übernehmen."}]}""")));
        Object errors = mvc.perform(post("/steuerung/gremien/" + GROUP + "/sitzungen/" + MEETING + "/beschluesse")
                        .with(csrf()).with(signedIn()).param("subject", "Ausschreibung").param("text", "Text")
                        .param("taskTitle", "", "Vorbereiten", "").param("owner", "", "", "")
                        .param("dueOn", "", "2026-04-30", ""))
                .andExpect(status().isFound()).andReturn().getFlashMap().get("taskErrors");
        // The only task sent came from the second row.
        assertThat(errors).asString().contains("row=2", "nur ein Mitglied");
    }

    @Test
    void a_decision_that_adopts_the_draft_adopts_it_at_once_naming_its_group() throws Exception {
        String decisions = "/api/steering/groups/" + GROUP + "/meetings/" + MEETING + "/decisions";
        String adoption = "/api/steering/action-plan/versions/2/adoption";
        when(api.send(eq(HttpMethod.POST), eq(decisions), any())).thenReturn(new Api.Answer(201,
                JSON.readTree("{\"id\":\"d-1\"}")));
        when(api.send(eq(HttpMethod.POST), eq(adoption), any())).thenReturn(new Api.Answer(204, JSON.createObjectNode()));
        mvc.perform(post("/steuerung/gremien/" + GROUP + "/sitzungen/" + MEETING + "/beschluesse").with(csrf())
                        .with(signedIn()).param("subject", "Handlungskonzept beschlossen").param("text", "Fassung 2.")
                        .param("adoptsVersion", "2"))
                .andExpect(status().isFound());
        InOrder order = inOrder(api);
        order.verify(api).send(eq(HttpMethod.POST), eq(decisions), any());
        order.verify(api).send(HttpMethod.POST, adoption, Map.of("decisionId", "d-1", "groupId", GROUP));
        order.verify(api).awaitUntil(eq("/api/steering/groups/" + GROUP + "/meetings/" + MEETING), any());
    }

    @Test
    void the_versions_show_each_version_and_the_draft_in_words() throws Exception {
        String visible = visible("/steuerung/handlungskonzept/fassungen");
        assertThat(visible).contains("Fassung 1, beschlossen am 12.03.2026", "Der Entwurf der Fassung 2 ist offen.",
                "Sprachkurse mit Kinderbetreuung", "mindestens 10");
        assertNoCodes(visible);
    }

    private static void assertNoCodes(String visible) {
        assertThat(visible).doesNotContain("null", "STEERING_GROUP", "CHAIR", "CASES_OPENED", "AT_LEAST", "ADOPTED");
        assertThat(visible).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");
        assertThat(visible).doesNotContainPattern("\\b[A-Z]{2,}_[A-Z_]+\\b");
    }

    private String visible(String path) throws Exception {
        return words(html(path));
    }

    private String html(String path) throws Exception {
        return mvc.perform(get(path).locale(Locale.GERMAN).with(signedIn()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String words(String page) {
        return page.replaceAll("(?s)<head>.*?</head>", "").replaceAll("<[^>]+>", " ")
                .replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replaceAll("\\s+", " ");
    }

    private static Map<?, ?> map(String json) throws Exception {
        return JSON.readValue(json, Map.class);
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor signedIn() {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("kim"))
                .idToken(token -> token.tokenValue("the-id-token").claim("preferred_username", "steuerung.mettmann")
                        .claim("name", "Sina Steuer").claim("tenant", "kreis-mettmann")
                        .claim("roles", List.of("STEERING_MEMBER")));
    }
}
