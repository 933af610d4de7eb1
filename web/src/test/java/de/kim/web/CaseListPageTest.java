package de.kim.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The case list page: one page of case-service's answer with "Fälle 51–100 von 1.468", Zurück and
 * Weiter keeping the search, the Aktenzeichen (a placeholder for an old case), words instead of codes;
 * and the open-case form's warning of a duplicate with "Trotzdem eröffnen", which confirms it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CaseListPageTest {

    private static final String PAGE = """
            {"items":[{"id":"case-1","caseNumber":"KIM-2026-00042","givenName":"Amina","familyName":"Müller",
                       "town":"Velbert","targetGroup":"NEWLY_ARRIVED","assignee":"cm-anna","status":"OPEN",
                       "openedOn":"2026-03-02","erased":false,"version":3},
                      {"id":"case-2","caseNumber":null,"givenName":"Omid","familyName":"Mülheim",
                       "town":"Hilden","targetGroup":"FAMILIES","assignee":"cm-anna","status":"OPEN",
                       "openedOn":"2025-01-07","erased":false,"version":9}],
             "total":1468,"page":1,"size":50}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    ClientRegistrationRepository registrations;
    @Autowired
    ObjectMapper json;
    @MockitoBean
    Api api;

    @Test
    void the_list_shows_one_page_with_its_range_paging_links_case_numbers_and_words() throws Exception {
        Api.Answer answer = new Api.Answer(200, json.readTree(PAGE));
        when(api.get(anyString(), anyMap())).thenReturn(answer);
        when(api.get(anyString())).thenReturn(new Api.Answer(200, json.readTree("{\"items\":[],\"total\":0}")));
        when(api.map(any())).thenAnswer(call -> json.convertValue(((Api.Answer) call.getArgument(0)).body(), Map.class));
        when(api.list(anyString())).thenReturn(List.of());
        when(api.all("/api/staff")).thenAnswer(call -> List.of(Map.of("userId", "cm-anna", "name", "Anna Arbeit")));

        String page = mvc.perform(get("/faelle").param("suche", "mül").param("seite", "2").locale(Locale.GERMAN)
                .with(signedIn())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        verify(api).get(anyString(), argThat(query -> "mül".equals(query.get("q")) && Integer.valueOf(1).equals(query.get("page"))
                && "OPEN".equals(query.get("status"))));
        assertThat(page).contains("Fälle 51–52 von 1.468", "KIM-2026-00042", "ohne Aktenzeichen", "Neuzugewanderte",
                "Müller, Amina", "02.03.2026", "Zurück", "Weiter",
                "/faelle?suche=m%C3%BCl&amp;status=OPEN&amp;ort=&amp;zielgruppe=&amp;zustaendig=&amp;seite=3");
        assertThat(page).doesNotContain("NEWLY_ARRIVED</td>", ">null<", ">cm-anna<", "id=\"zustaendig\"")
                .as("a case manager sees their own cases: no choice of colleague").contains("<td>Anna Arbeit</td>");
        assertThat(page).contains("<h1>Meine Fälle</h1>");
        assertThat(page).as("the tenant by its name").contains("Angemeldet als Anna Muster (Kreis Mettmann)")
                .doesNotContain("kreis-mettmann)");
    }

    @Test
    void the_hand_overs_are_a_paged_list_in_words_filtered_by_field_and_the_case_list_shows_the_first() throws Exception {
        Api.Answer handovers = new Api.Answer(200, json.readTree("""
                {"items":[{"id":"kreis-mettmann:h-1","handoverId":"h-1","residenceRecordId":"7d6c5b4a-3f2e-4d1c-8b0a-9f8e7d6c5b4a",
                           "fieldOfAction":"LANGUAGE","reasonCode":"LANGUAGE_LEVEL_MISSING","pathway":"AUFENTHG_25B",
                           "handedOverOn":"2026-11-02","status":"OPEN","caseId":null,"needId":null}],
                 "total":61,"page":1,"size":50}"""));
        when(api.get(eq("/api/handovers?field={field}&page={page}&size={size}"), anyMap())).thenReturn(handovers);
        when(api.get(anyString())).thenReturn(handovers);
        when(api.get("/api/follow-ups?size=" + CaseListController.FOLLOW_UPS_ON_CASE_LIST))
                .thenReturn(new Api.Answer(200, json.readTree("{\"items\":[],\"total\":0}")));
        when(api.get(eq(CaseListController.CASES),
                anyMap())).thenReturn(new Api.Answer(200, json.readTree(PAGE)));
        when(api.map(any())).thenAnswer(call -> json.convertValue(((Api.Answer) call.getArgument(0)).body(), Map.class));

        String all = mvc.perform(get("/faelle/uebergaben").param("feld", "LANGUAGE").param("seite", "2")
                .locale(Locale.GERMAN).with(signedIn())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        verify(api).get(eq("/api/handovers?field={field}&page={page}&size={size}"), argThat(query ->
                "LANGUAGE".equals(query.get("field")) && Integer.valueOf(1).equals(query.get("page"))));
        assertThat(all).contains("Übergaben 51–51 von 61", "02.11.2026", "Sprache", "Sprachniveau fehlt noch",
                "§ 25b AufenthG", "/faelle/neu?akte=7d6c5b4a-3f2e-4d1c-8b0a-9f8e7d6c5b4a", "Zurück",
                "/faelle/uebergaben?feld=LANGUAGE&amp;seite=1");
        assertThat(CaseFileSectionsPageTest.visibleText(all)).doesNotContain("LANGUAGE_LEVEL_MISSING", "AUFENTHG_25B",
                "7d6c5b4a");

        String cases = mvc.perform(get("/faelle").locale(Locale.GERMAN).with(signedIn()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        verify(api).get("/api/handovers?size=" + CaseListController.FOLLOW_UPS_ON_CASE_LIST);
        assertThat(cases).contains("Sprachniveau fehlt noch", "Alle 61 offenen Übergaben anzeigen");
    }

    @Test
    void a_refused_field_of_the_opening_form_is_named_next_to_it_in_a_german_sentence() throws Exception {
        when(api.send(eq(HttpMethod.POST), eq("/api/cases"), any())).thenReturn(new Api.Answer(400, json.readTree("""
                {"status":400,"detail":"Die Angaben sind unvollständig oder fehlerhaft.",
                 "errors":[{"field":"client.nationality","message":"muss mit \\"[A-Z]{3}\\" übereinstimmen"}]}""")));

        String page = mvc.perform(post("/faelle").with(csrf()).with(signedIn()).locale(Locale.GERMAN)
                        .param("givenName", "Amina").param("familyName", "Müller").param("dateOfBirth", "1990-04-12")
                        .param("nationality", "Syrien").param("languages", "ar").param("town", "Velbert")
                        .param("targetGroup", "NEWLY_ARRIVED").param("accessRoute", "SELF").param("assignee", "cm-anna"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("aria-invalid=\"true\" aria-describedby=\"nationality-error\"",
                "id=\"nationality-error\">Bitte die Staatsangehörigkeit als Ländercode aus drei Großbuchstaben angeben, z. B. SYR.</p>",
                "id=\"givenName\" name=\"givenName\" required maxlength=\"100\" value=\"Amina\"")
                .doesNotContain("[A-Z]{3}\" übereinstimmen", "client.nationality");
    }

    @Test
    void opening_a_person_with_an_open_case_warns_and_trotzdem_eroeffnen_confirms() throws Exception {
        when(api.send(eq(HttpMethod.POST), eq("/api/cases"), argThat(body -> !Boolean.TRUE.equals(
                ((Map<?, ?>) body).get("confirmDuplicate"))))).thenReturn(new Api.Answer(409, json.readTree("""
                {"type":"urn:kim:problem:possible-duplicate","status":409,"detail":"Für diese Person …",
                 "duplicates":[{"id":"case-1","caseNumber":"KIM-2026-00042","href":"/api/cases/case-1"}],
                 "elsewhere":"Bei einer anderen Fallmanagerin …"}""")));

        String warned = mvc.perform(post("/faelle").with(csrf()).with(signedIn()).locale(Locale.GERMAN)
                        .param("givenName", "Amina").param("familyName", "Müller").param("dateOfBirth", "1990-04-12")
                        .param("nationality", "SYR").param("languages", "ar").param("town", "Velbert").param("targetGroup", "NEWLY_ARRIVED")
                        .param("accessRoute", "SELF").param("assignee", "cm-anna"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(warned).contains("bereits einen offenen Fall", "Fall KIM-2026-00042 ansehen", "/faelle/case-1",
                "Bei einer anderen Fallmanagerin", "Trotzdem eröffnen", "name=\"confirmDuplicate\" value=\"true\"",
                "value=\"Müller\"");
        assertThat(warned).doesNotContain("possible-duplicate", "/api/cases/");

        when(api.send(eq(HttpMethod.POST), eq("/api/cases"), argThat(body -> Boolean.TRUE.equals(
                ((Map<?, ?>) body).get("confirmDuplicate"))))).thenReturn(new Api.Answer(201,
                json.readTree("{\"id\":\"case-9\"}")));
        mvc.perform(post("/faelle").with(csrf()).with(signedIn()).param("givenName", "Amina")
                .param("familyName", "Müller").param("dateOfBirth", "1990-04-12").param("nationality", "SYR")
                .param("town", "Velbert").param("targetGroup", "NEWLY_ARRIVED").param("accessRoute", "SELF")
                .param("assignee", "cm-anna").param("confirmDuplicate", "true")).andExpect(status().isFound());
        verify(api).send(eq(HttpMethod.POST), eq("/api/cases"), argThat(body -> body instanceof Map<?, ?> map
                && Boolean.TRUE.equals(map.get("confirmDuplicate"))));
    }

    @Test
    void the_lead_narrows_the_list_to_one_colleague_chosen_by_name_and_the_pages_keep_the_choice() throws Exception {
        when(api.get(anyString(), anyMap())).thenReturn(new Api.Answer(200, json.readTree(PAGE)));
        when(api.get(anyString())).thenReturn(new Api.Answer(200, json.readTree("{\"items\":[],\"total\":0}")));
        when(api.map(any())).thenAnswer(call -> json.convertValue(((Api.Answer) call.getArgument(0)).body(), Map.class));
        when(api.all("/api/staff")).thenAnswer(call -> List.of(Map.of("userId", "cm-anna", "name", "Anna Arbeit"),
                Map.of("userId", "cm-bert", "name", "Bert Beispiel")));
        RequestPostProcessor lead = oidcLogin().clientRegistration(registrations.findByRegistrationId("kim"))
                .idToken(token -> token.tokenValue("the-id-token").claim("preferred_username", "lea-lead")
                        .claim("name", "Lea Leitung").claim("tenant", "kreis-mettmann")
                        .claim("roles", List.of("CASE_MANAGEMENT_LEAD")));

        String page = mvc.perform(get("/faelle").param("zustaendig", "cm-anna").locale(Locale.GERMAN).with(lead))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        verify(api).get(eq(CaseListController.CASES), argThat(query -> "cm-anna".equals(query.get("assignee"))));
        assertThat(page).contains("<select id=\"zustaendig\" name=\"zustaendig\">", "alle im Fallmanagement",
                "<option value=\"cm-anna\" selected=\"selected\">Anna Arbeit</option>",
                "<option value=\"cm-bert\">Bert Beispiel</option>", "zustaendig=cm-anna&amp;seite=2");
        assertThat(page).contains("<h1>Alle Fälle</h1>", "<title>Alle Fälle");

        when(api.get(eq("/api/follow-ups?assignee={assignee}&page={page}&size={size}"), anyMap())).thenReturn(
                new Api.Answer(200, json.readTree("""
                        {"items":[{"id":"x","caseId":"case-1","caseNumber":"KIM-2026-00042","dueOn":"2026-11-15",
                                   "subject":"Kursbeginn","assignee":"cm-bert","completedOn":null}],
                         "total":51,"page":0,"size":50}""")));
        String followUps = mvc.perform(get("/faelle/wiedervorlagen").param("zustaendig", "cm-bert").locale(Locale.GERMAN)
                .with(lead)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        verify(api).get(eq("/api/follow-ups?assignee={assignee}&page={page}&size={size}"),
                argThat(query -> "cm-bert".equals(query.get("assignee"))));
        assertThat(followUps).contains("<option value=\"cm-bert\" selected=\"selected\">Bert Beispiel</option>",
                "<td>Bert Beispiel</td>", "zustaendig=cm-bert&amp;seite=2").doesNotContain(">cm-bert<");
    }

    @Test
    void a_case_is_assigned_to_a_colleague_chosen_by_name_the_signed_in_one_first() throws Exception {
        when(api.all("/api/staff")).thenAnswer(call -> List.of(
                Map.of("userId", "cm-anna", "name", "Anna Arbeit", "roles", List.of("CASE_MANAGER")),
                Map.of("userId", "cm-bert", "name", "Bert Beispiel", "roles", List.of("CASE_MANAGER"))));
        String form = mvc.perform(get("/faelle/neu").locale(Locale.GERMAN).with(signedIn()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("<select id=\"assignee\" name=\"assignee\" required",
                "<option value=\"cm-anna\" selected=\"selected\">Anna Arbeit</option>",
                "<option value=\"cm-bert\">Bert Beispiel</option>", "in den letzten zwölf Monaten angemeldet")
                .doesNotContain("<input id=\"assignee\"");
    }

    private RequestPostProcessor signedIn() {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("kim"))
                .idToken(token -> token.tokenValue("the-id-token").claim("preferred_username", "cm-anna")
                        .claim("name", "Anna Muster").claim("tenant", "kreis-mettmann")
                        .claim("roles", List.of("CASE_MANAGER")));
    }
}
