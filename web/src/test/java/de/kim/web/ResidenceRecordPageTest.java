package de.kim.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
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
 * The officer's record page shows statuses, the screening and its verdicts in words, names the day screened for
 * and the rule-set version, screens as of another day on request, and offers the pathways of a hand-over as a choice.
 * The answers are those immigration-office-service gives (invented person).
 */
@SpringBootTest
@AutoConfigureMockMvc
class ResidenceRecordPageTest {

    private static final String RECORD = """
            {"id":"r-1","identity":{"familyName":"Haddad","givenName":"Lina","fileNumber":"32.1-ABH 4711/2019",
             "azrNumber":"123456789012"},"nationality":"AFG","entryDate":"2016-05-02","officer":"abh-jonas",
             "statuses":[{"id":"s-1","type":"DULDUNG","legalBasis":"§ 60b AufenthG","validFrom":"2020-01-01","validUntil":null}],
             "achievements":[],"statusChecks":[],
             "handovers":[{"id":"h-1","fieldOfAction":"LANGUAGE","reasonCode":"LANGUAGE_LEVEL_MISSING",
                           "pathway":"AUFENTHG_25B","handedOverOn":"2026-10-01"}]}""";
    private static final String SCREENING = """
            {"recordId":"r-1","screenedOn":"2026-11-02","asOf":"2026-11-02","chancenClock":null,"notice":null,
             "pathways":[
              {"pathway":"AUFENTHG_25B","title":"Aufenthaltsgewährung bei nachhaltiger Integration",
               "legalBasis":"§ 25b AufenthG","verdict":"REQUIREMENTS_MISSING","verdictLabel":"Voraussetzungen fehlen noch",
               "referredTo":null,"note":null,
               "ruleSet":{"id":"aufenthg-25b","version":3,"effectiveFrom":"2022-12-31","source":"BGBl. I S. 2847"},
               "requirements":[
                {"id":"language","requirement":"Hinreichende mündliche Deutschkenntnisse (GER Niveau A2)",
                 "citation":"§ 25b Abs. 1 Satz 2 Nr. 4 AufenthG","outcome":"MISSING","outcomeLabel":"fehlt",
                 "reason":"Kein Sprachnachweis erfasst; gefordert A2.","fieldOfAction":"LANGUAGE"},
                {"id":"identity","requirement":"Identität und Staatsangehörigkeit geklärt",
                 "citation":"§ 5 Abs. 1 Nr. 1a AufenthG","outcome":"TO_CHECK",
                 "outcomeLabel":"von der Sachbearbeitung zu prüfen",
                 "reason":"Nicht aus der Akte ersichtlich: von der Sachbearbeitung zu prüfen.","fieldOfAction":null}]},
              {"pathway":"AUFENTHG_104C","title":"Chancen-Aufenthaltsrecht","legalBasis":"§ 104c AufenthG",
               "verdict":"NOT_IN_FORCE","verdictLabel":"An diesem Tag nicht in Kraft","referredTo":null,
               "note":"An diesem Tag ist keine Fassung dieser Vorschrift in Kraft.","ruleSet":null,"requirements":[]}]}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    ClientRegistrationRepository registrations;
    @Autowired
    ObjectMapper json;
    @MockitoBean
    Api api;

    @BeforeEach
    void immigrationOffice() throws Exception {
        JsonNode record = json.readTree(RECORD);
        when(api.get(anyString())).thenReturn(new Api.Answer(200, record));
        when(api.read("/api/residence-records/r-1")).thenReturn(json.convertValue(record, Map.class));
        when(api.read(org.mockito.ArgumentMatchers.startsWith("/api/residence-records/r-1/pathways")))
                .thenReturn(json.readValue(SCREENING, Map.class));
        when(api.list(anyString())).thenReturn(List.of());
        when(api.send(any(), anyString(), any())).thenReturn(new Api.Answer(201, json.createObjectNode()));
    }

    @Test
    void the_screening_shows_words_the_day_and_the_rule_set_version_and_no_code() throws Exception {
        String page = mvc.perform(get("/aufenthalt/r-1").locale(Locale.GERMAN).with(signedIn()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Aufenthaltsgewährung bei nachhaltiger Integration (§ 25b AufenthG): "
                        + "Voraussetzungen fehlen noch", "fehlt", "von der Sachbearbeitung zu prüfen",
                "Chancen-Aufenthaltsrecht (§ 104c AufenthG): An diesem Tag nicht in Kraft",
                "Geprüft zum 02.11.2026", "Regelwerk Fassung 3, gültig ab 31.12.2022", ">Duldung<", "01.01.2020",
                "§ 25b AufenthG (nachhaltige Integration)");
        String screening = page.substring(page.indexOf("id=\"screening\""), page.indexOf("id=\"record-status\""));
        assertThat(screening).doesNotContain("REQUIREMENTS_MISSING", ">MISSING<", "TO_CHECK", "NOT_IN_FORCE",
                "null");
        assertThat(page).doesNotContain(">DULDUNG<", "2020-01-01");
        assertThat(page).contains("<select id=\"h-pathway\" name=\"pathway\"", "value=\"AUFENTHG_25B\"");
        String title = page.substring(page.indexOf("<h1"), page.indexOf("</h1>"));
        assertThat(title).contains("Aufenthaltsakte 32.1-ABH 4711/2019 – Haddad, Lina").doesNotContain("r-1");
        assertThat(page).contains("123456789012", "<span id=\"record-nationality\">Afghanistan</span>")
                .doesNotContain(">AFG<");
        assertThat(CaseFileSectionsPageTest.visibleText(page)).as("empty tables say so")
                .contains("Noch keine Integrationserfolge bekannt.", "noch keine Statusprüfung angefragt");
    }

    @Test
    void the_officer_is_named_by_name_and_the_record_goes_to_another_officer_chosen_by_name() throws Exception {
        when(api.all("/api/officers")).thenAnswer(call -> List.of(
                Map.of("userId", "abh-jonas", "name", "Jonas Beispiel", "roles", List.of("IMMIGRATION_OFFICER")),
                Map.of("userId", "abh-mira", "name", "Mira Muster", "roles", List.of("IMMIGRATION_OFFICER"))));
        String page = mvc.perform(get("/aufenthalt/r-1").locale(Locale.GERMAN).with(signedIn()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<strong id=\"officer\">Jonas Beispiel</strong>",
                        "<option value=\"abh-mira\">Mira Muster</option>", "in den letzten zwölf Monaten angemeldet")
                .doesNotContain("<option value=\"abh-jonas\"", "<input id=\"o-officer\"", ">abh-jonas<");
    }

    @Test
    void the_record_is_screened_as_of_the_day_asked() throws Exception {
        mvc.perform(get("/aufenthalt/r-1").param("asOf", "2023-06-01").locale(Locale.GERMAN).with(signedIn()))
                .andExpect(status().isOk());
        verify(api).read("/api/residence-records/r-1/pathways?asOf=2023-06-01");
    }

    @Test
    void the_hand_over_sends_the_chosen_pathway_as_its_code() throws Exception {
        mvc.perform(post("/aufenthalt/r-1/uebergabe").with(csrf()).with(signedIn()).param("fieldOfAction", "LANGUAGE")
                .param("reasonCode", "LANGUAGE_LEVEL_MISSING").param("pathway", "AUFENTHG_25B"))
                .andExpect(status().isFound());
        verify(api).send(eq(HttpMethod.POST), eq("/api/residence-records/r-1/handover"),
                argThat(body -> "AUFENTHG_25B".equals(((Map<?, ?>) body).get("pathway"))));
    }

    @Test
    void the_candidate_list_shows_who_qualifies_now_or_soon_in_words() throws Exception {
        when(api.read("/api/pathway-candidates?pathway=AUFENTHG_25A&within=P3M&page=0&size=50")).thenReturn(json.readValue("""
                {"pathway":"AUFENTHG_25A","asOf":"2026-11-02","until":"2027-02-02","total":1,"candidates":[
                 {"recordId":"r-1","officer":"abh-jonas","currentStatus":"DULDUNG","meetsNow":false,
                  "meetsBy":"2027-02-02","missing":[{"id":"residence","requirement":"Seit 3 Jahren im Bundesgebiet",
                  "citation":"§ 25a Abs. 1 Satz 2 Nr. 1 AufenthG","outcome":"MISSING","outcomeLabel":"fehlt"}],
                  "toCheck":[]}]}""", Map.class));
        String page = mvc.perform(get("/aufenthalt/kandidaten").param("pathway", "AUFENTHG_25A").param("within", "P3M")
                        .locale(Locale.GERMAN).with(signedIn()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("1 Personen erfüllen die prüfbaren Voraussetzungen am 02.11.2026 oder bis zum 02.02.2027",
                ">Duldung<", "bis 02.02.2027, wenn der Status verlängert wird",
                "Seit 3 Jahren im Bundesgebiet (§ 25a Abs. 1 Satz 2 Nr. 1 AufenthG)", "/aufenthalt/r-1");
        assertThat(page).doesNotContain(">DULDUNG<", ">MISSING<");
        // a period not offered falls back to six months: nothing typed reaches the query
        mvc.perform(get("/aufenthalt/kandidaten").param("within", "P99Y&x=1").with(signedIn())).andExpect(status().isOk());
        verify(api).read("/api/pathway-candidates?pathway=AUFENTHG_25B&within=P6M&page=0&size=50");
    }

    private RequestPostProcessor signedIn() {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("kim"))
                .idToken(token -> token.tokenValue("the-id-token").claim("preferred_username", "abh-jonas")
                        .claim("name", "Jonas Muster").claim("tenant", "kreis-mettmann")
                        .claim("roles", List.of("IMMIGRATION_OFFICER")));
    }
}
