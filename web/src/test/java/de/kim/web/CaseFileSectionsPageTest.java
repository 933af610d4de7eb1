package de.kim.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
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
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The case file in parts, one page each, reached by a navigation that needs no script: each part
 * marks itself as the current page, holds only its own forms (behind a disclosure), leads back to
 * itself after a change, and shows words, names and German dates, never a code, an id or "null".
 */
@SpringBootTest
@AutoConfigureMockMvc
class CaseFileSectionsPageTest {

    private static final String CASE = "3f1c9e2a-5b6d-4e7f-8a9b-0c1d2e3f4a5b";
    private static final String PARTNER = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

    private static final String FILE = """
            {"id":"%1$s","caseNumber":"KIM-2026-00042","status":"OPEN","tenant":"kreis-mettmann","version":7,
             "assignee":"cm-anna","targetGroup":"NEWLY_ARRIVED","accessRoute":"JOBCENTER","erasedOn":null,
             "legalHold":false,"disputed":false,"residenceRecordId":"7d6c5b4a-3f2e-4d1c-8b0a-9f8e7d6c5b4a",
             "residenceRecordLink":"CONFIRMED",
             "legalDomainTimeline":[{"since":"2026-10-01","legalDomains":["SGB_II","AUFENTHG"]}],
             "client":{"givenName":"Amina","familyName":"Beispiel","dateOfBirth":"1990-04-12","nationality":"SYR",
                       "languages":["ar"],"town":"Velbert","contact":{"phone":null,"email":null,"address":null}},
             "needs":[{"id":"need-1","fieldOfAction":"LANGUAGE","priority":"HIGH","description":"Deutschkurs",
                       "status":"OPEN","resolvedOn":null,"entrusted":false}],
             "plan":{"agreedOn":"2026-10-02","goals":[{"id":"g-1","fieldOfAction":"LANGUAGE","description":"B1 erreichen",
                       "targetDate":"2027-06-30","status":"OPEN","achievedOn":null,"droppedReason":null}]},
             "consents":[{"id":"k-1","recipient":"%2$s","purposes":["REFERRAL"],"dataCategories":["IDENTITY","NEEDS"],
                          "validUntil":"2027-10-01","revokedOn":null,"expiredOn":null},
                         {"id":"k-2","recipient":"immigration-office","purposes":["RESIDENCE_MATTERS"],
                          "dataCategories":["ACHIEVEMENTS","RESIDENCE_STATUS"],"validUntil":"2027-10-01","revokedOn":null,"expiredOn":null}],
             "referrals":[{"id":"r-1","partnerId":"%2$s","offerId":"o-1","needId":"need-1","fieldOfAction":"LANGUAGE",
                           "status":"DECLINED","madeOn":"2026-10-03","answeredAt":"2026-10-04T08:00:00Z",
                           "declineReason":"NO_CAPACITY","result":null,"withdrawnReason":null}],
             "measures":[{"id":"m-1","kind":"LANGUAGE_COURSE","needId":"need-1","fundedBy":"SGB_II","from":"2026-11-01",
                          "to":"2027-03-31","status":"ACTIVE","doubleFundingWith":[],"justification":null,"entrusted":false}],
             "contacts":[{"id":"c-1","contactOn":"2026-10-05","kind":"HOME_VISIT","durationMinutes":60,
                          "interpreterLanguage":null,"participants":"Ehemann","note":"Wohnung","entrusted":false}],
             "followUps":[{"id":"f-1","dueOn":"2026-11-15","subject":"Kursbeginn nachfragen","assignee":"cm-anna",
                           "completedOn":null}],
             "achievements":[{"id":"a-1","kind":"LANGUAGE_CERTIFICATE","level":"A2","achievedOn":"2026-10-01",
                              "sharedWithImmigrationOffice":true,"entrusted":false}],
             "statusChecks":[{"id":"s-1","requestedOn":"2026-10-06","answeredOn":null,"answer":null}],
             "themes":[],"handOvers":[],"legalDomains":["SGB_II","AUFENTHG"]}""".formatted(CASE, PARTNER);

    private static final String HISTORY = """
            {"items":[{"sequence":0,"time":"2026-10-01T08:05:00Z","actor":"cm-anna","actorName":"Anna Arbeit","type":"CaseOpened",
              "text":"Fall eröffnet (Zielgruppe: Neuzugewanderte; Zugang: Jobcenter), zuständig: Anna Arbeit"}],
             "total":1,"page":0,"size":50}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    ClientRegistrationRepository registrations;
    @Autowired
    ObjectMapper json;
    @MockitoBean
    Api api;

    @BeforeEach
    void caseService() throws Exception {
        JsonNode file = json.readTree(FILE);
        when(api.get(anyString())).thenReturn(new Api.Answer(200, file));
        when(api.read("/api/cases/" + CASE)).thenReturn(json.convertValue(file, Map.class));
        when(api.list(anyString())).thenReturn(List.of());
        when(api.all("/api/partners")).thenAnswer(call -> List.of(Map.of("id", PARTNER, "name", "VHS Velbert")));
        Map<?, ?> history = json.readValue(HISTORY, Map.class);
        when(api.read("/api/cases/" + CASE + "/history?page=0&size=50")).thenAnswer(call -> history);
        when(api.send(any(), anyString(), any())).thenReturn(new Api.Answer(204, json.createObjectNode()));
    }

    @Test
    void each_part_is_a_page_of_its_own_marked_as_current_in_a_navigation_of_all_parts() throws Exception {
        for (String part : CaseFileSections.ALL) {
            String page = page(part);
            assertThat(page).as(part).contains("<nav class=\"tabs\" id=\"case-sections\" aria-label=\"Bereiche der Fallakte\">",
                    "href=\"/faelle/" + CASE + "/verlauf\"", "href=\"/faelle/" + CASE + "\"", "KIM-2026-00042");
            assertThat(page.split("aria-current=\"page\"", -1)).as(part + ": one current part").hasSize(2);
            assertThat(page).as(part).contains("aria-current=\"page\" class=\"current\">"
                    + messages(part) + "</a>");
            assertThat(page).as(part + ": one main heading").containsOnlyOnce("<h1");
        }
    }

    @Test
    void each_form_is_only_in_its_part_behind_a_disclosure() throws Exception {
        assertThat(page("ueberblick")).contains("id=\"rectify-client\"", "id=\"close-case\"")
                .doesNotContain("id=\"add-need\"", "id=\"add-consent\"", "id=\"add-contact\"", "id=\"add-achievement\"");
        assertThat(page("bedarfe")).contains("<details class=\"add\"><summary>Bedarf erfassen</summary>", "id=\"add-need\"")
                .doesNotContain("id=\"add-consent\"", "id=\"rectify-client\"");
        assertThat(page("einwilligungen")).contains("<summary>Einwilligung erfassen</summary>", "id=\"add-consent\"")
                .doesNotContain("id=\"add-need\"");
        assertThat(page("kontakte")).contains("<summary>Kontakt erfassen</summary>", "id=\"add-contact\"");
        assertThat(page("aufenthalt")).contains("id=\"add-achievement\"", "id=\"request-status-check\"");
        assertThat(page("wiedervorlagen")).contains("<summary>Wiedervorlage hinzufügen</summary>");
        assertThat(page("verlauf")).doesNotContain("<form class=\"card\"");
    }

    @Test
    void a_change_leads_back_to_the_part_of_its_form() throws Exception {
        when(api.version(anyString())).thenReturn(1L);
        for (Map.Entry<String, String> sent : Map.of(
                "/bedarfe", "/bedarfe", "/plan", "/bedarfe", "/einwilligungen", "/einwilligungen",
                "/kontakte", "/kontakte", "/wiedervorlagen", "/wiedervorlagen", "/erfolge", "/aufenthalt",
                "/massnahmen/m-1/anvertraut", "/massnahmen", "/uebergabe", "").entrySet()) {
            mvc.perform(post("/faelle/" + CASE + sent.getKey()).with(csrf()).with(signedIn())
                            .param("fieldOfAction", "LANGUAGE").param("priority", "HIGH").param("description", "x")
                            .param("targetDate", "2027-01-01").param("recipient", PARTNER).param("validUntil", "2027-01-01")
                            .param("dueOn", "2027-01-01").param("subject", "x").param("kind", "HOME_VISIT")
                            .param("achievedOn", "2026-10-01").param("toCaseManager", "cm-bob")
                            .param("purposes", "REFERRAL").param("dataCategories", "IDENTITY"))
                    .andExpect(redirectedUrl("/faelle/" + CASE + sent.getValue()));
        }
    }

    @Test
    void no_part_shows_a_code_an_id_an_iso_date_or_null() throws Exception {
        StringBuilder all = new StringBuilder();
        for (String part : CaseFileSections.ALL) {
            String visible = visibleText(page(part));
            all.append(visible);
            assertThat(visible).as(part)
                    .doesNotContainPattern("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b")
                    .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                    .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}")
                    .doesNotContain("null");
        }
        assertThat(all.toString()).contains("VHS Velbert", "Ausländerbehörde", "Verweisung", "Identität, Bedarfe",
                "Keine Kapazität", "SGB II", "01.11.2026 – 31.03.2027", "ab 01.10.2026: SGB II + AufenthG",
                "12.04.1990", "Hausbesuch", "15.11.2026", "Fall eröffnet (Zielgruppe: Neuzugewanderte", "01.10.2026 10:05",
                "Jobcenter", "Staatsangehörigkeit Syrien", "Sprachen Arabisch").doesNotContain(" SYR ", " ar ");
    }

    @Test
    void case_managers_are_named_by_name_and_a_hand_over_offers_the_other_colleagues_by_name() throws Exception {
        String handOver = "<input id=\"h-to\" name=\"toCaseManager\" required";
        assertThat(page("ueberblick")).as("nobody known yet: the id they sign in with is typed")
                .contains(handOver, "bitte die Kennung eingeben");

        when(api.all("/api/staff")).thenAnswer(call -> List.of(
                Map.of("userId", "cm-anna", "name", "Anna Arbeit", "roles", List.of("CASE_MANAGER")),
                Map.of("userId", "cm-bert", "name", "Bert Beispiel", "roles", List.of("CASE_MANAGER"))));
        String overview = page("ueberblick");
        assertThat(visibleText(overview)).contains("Fallmanagement Anna Arbeit").doesNotContain("cm-anna");
        assertThat(overview).contains("<option value=\"cm-bert\">Bert Beispiel</option>", "in den letzten zwölf Monaten angemeldet")
                .doesNotContain("<option value=\"cm-anna\"", handOver);
        for (String part : List.of("wiedervorlagen", "verlauf")) {
            assertThat(visibleText(page(part))).as(part).contains("Anna Arbeit").doesNotContain("cm-anna");
        }
    }

    @Test
    void the_history_is_read_a_page_at_a_time_newest_first() throws Exception {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            items.append(i == 0 ? "" : ",").append("""
                    {"sequence":%d,"time":"2026-10-01T08:05:00Z","actor":"cm-anna","actorName":"Anna Arbeit","type":"ContactRecorded",
                     "text":"Beratungskontakt Nr. %d"}""".formatted(69 - i, 70 - i));
        }
        Map<?, ?> second = json.readValue("""
                {"items":[%s],"total":120,"page":1,"size":50}""".formatted(items), Map.class);
        when(api.read("/api/cases/" + CASE + "/history?page=1&size=50")).thenAnswer(call -> second);
        String page = mvc.perform(get("/faelle/" + CASE + "/verlauf").param("seite", "2").locale(Locale.GERMAN)
                .with(signedIn())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Einträge 51–100 von 120, neueste zuerst", "Beratungskontakt Nr. 70",
                        "href=\"/faelle/" + CASE + "/verlauf?seite=1\"", "href=\"/faelle/" + CASE + "/verlauf?seite=3\"")
                .containsSubsequence("Beratungskontakt Nr. 70", "Beratungskontakt Nr. 21");
    }

    private String page(String part) throws Exception {
        return mvc.perform(get(CaseFileSections.page(CASE, part)).locale(Locale.GERMAN).with(signedIn()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String messages(String part) {
        return Map.of("ueberblick", "Überblick", "bedarfe", "Bedarfe und Plan", "verweisungen", "Verweisungen",
                "massnahmen", "Maßnahmen", "kontakte", "Kontakte", "wiedervorlagen", "Wiedervorlagen",
                "einwilligungen", "Einwilligungen", "aufenthalt", "Aufenthalt", "datenschutz", "Datenschutz",
                "verlauf", "Verlauf").get(part);
    }

    /** What a reader sees of the page: the body's text without tags, attributes, scripts or styles. */
    static String visibleText(String html) {
        String body = html.replaceAll("(?s)<head>.*?</head>", " ").replaceAll("(?s)<script.*?</script>", " ")
                .replaceAll("(?s)<style.*?</style>", " ");
        return body.replaceAll("(?s)<[^>]*>", " ").replace("&nbsp;", " ").replaceAll("\\s+", " ");
    }

    private RequestPostProcessor signedIn() {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("kim"))
                .idToken(token -> token.tokenValue("the-id-token").claim("preferred_username", "cm-anna")
                        .claim("name", "Anna Muster").claim("tenant", "kreis-mettmann")
                        .claim("roles", List.of("CASE_MANAGER")));
    }
}
