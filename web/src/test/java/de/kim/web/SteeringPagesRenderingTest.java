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

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The steering page and the yearly report as the browser gets them, from figures in the shape
 * steering-service answers: every group in words, "nicht ausgewiesen" where cells are withheld,
 * never a code of the contracts' vocabulary and never "null".
 */
@SpringBootTest
@AutoConfigureMockMvc
class SteeringPagesRenderingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A figure with a suppressed and a withheld group, and the row that makes the groups add up. */
    static final String FIGURE = """
            {"total":{"count":12,"display":"12"},"groups":[
              {"key":"LANGUAGE","label":"Sprache","value":{"count":null,"display":"x"}},
              {"key":"HOUSING","label":"Wohnen","value":{"count":null,"display":"<5"}},
              {"key":"SUPPRESSED","label":"nicht ausgewiesen","value":{"count":12,"display":"12"}}]}""";
    static final String FIGURES = """
            {"tenant":"kreis-mettmann","period":"2025","periodLabel":"2025","town":null,"groupBy":"TOWN",
             "casesOpened":%1$s,"casesClosed":%1$s,"closedByOutcome":%1$s,"casesOpen":%1$s,"caseload":%1$s,
             "needsAssessed":%1$s,"goalsReached":%1$s,"doubleFundingWarnings":%1$s,"legalDomainChanges":%1$s,
             "openingToFirstReferral":{"cases":{"count":null,"display":"mindestens 5"},"medianDays":6.0,"p90Days":9.2},
             "openingToClosure":{"cases":{"count":null,"display":"<5"},"medianDays":null,"p90Days":null}}""".formatted(FIGURE);
    static final String PROGRESSIONS = """
            {"total":{"count":7,"display":"7"},"groups":[
              {"key":"NONE>DULDUNG","label":"ohne Status → Duldung","value":{"count":7,"display":"7"}}]}""";
    static final String THEMES = """
            {"total":{"count":9,"display":"9"},"groups":[
              {"key":"NO_AFFORDABLE_HOUSING","label":"Kein bezahlbarer Wohnraum","value":{"count":null,"display":"x"}},
              {"key":"OTHER","label":"Sonstiges Thema (freier Text)","value":{"count":null,"display":"<5"}},
              {"key":"SUPPRESSED","label":"nicht ausgewiesen","value":{"count":9,"display":"9"}}]}""";
    static final String FLOW = """
            {"partnerId":"p-vhs","partnerName":"VHS Velbert","fieldOfAction":"LANGUAGE","fieldLabel":"Sprache",
             "made":{"count":10,"display":"10"},"accepted":{"count":null,"display":"x"},"declined":{"count":null,"display":"<5"},
             "completed":{"count":0,"display":"0"},"withdrawn":{"count":0,"display":"0"},
             "declineReasons":{"total":{"count":null,"display":"<5"},"groups":[]},
             "daysToAnswer":{"cases":{"count":null,"display":"mindestens 5"},"medianDays":4.0,"p90Days":6.0}}""";
    /** Contacts by kind with a suppressed kind, and the hours only where the contacts are shown. */
    static final String COUNSELLING = """
            {"period":"2025","periodLabel":"2025","town":null,
             "contacts":{"total":{"count":23,"display":"23"},"groups":[
               {"key":"IN_PERSON","label":"Persönliches Gespräch","value":{"count":19,"display":"19"}},
               {"key":"HOME_VISIT","label":"Hausbesuch","value":{"count":null,"display":"<5"}},
               {"key":"SUPPRESSED","label":"nicht ausgewiesen","value":{"count":4,"display":"4"}}]},
             "hours":{"total":{"count":31,"display":"31"},"groups":[
               {"key":"IN_PERSON","label":"Persönliches Gespräch","value":{"count":17,"display":"17"}},
               {"key":"HOME_VISIT","label":"Hausbesuch","value":{"count":null,"display":"x"}},
               {"key":"SUPPRESSED","label":"nicht ausgewiesen","value":{"count":14,"display":"14"}}]}}""";
    static final String GAP = """
            {"town":"Velbert","fieldOfAction":"LANGUAGE","fieldLabel":"Sprache","openNeeds":{"count":null,"display":"<5"},
             "reason":"NO_OFFER_WITH_FREE_CAPACITY","reasonLabel":"Kein Angebot mit freiem Platz",
             "declinedReferrals":{"count":0,"display":"0"}}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    ClientRegistrationRepository registrations;
    @MockitoBean
    Api api;

    @BeforeEach
    void steeringService() throws Exception {
        doReturn(map(FIGURES)).when(api).read("/api/steering/figures?groupBy=town");
        doReturn(List.of(map(GAP))).when(api).list("/api/steering/gaps");
        doReturn(map(THEMES)).when(api).read("/api/steering/themes");
        doReturn(map(COUNSELLING)).when(api).read("/api/steering/counselling");
        doReturn(List.of(map(FLOW))).when(api).list("/api/steering/referral-flows");
        doReturn(map("""
                {"byPathway":%1$s,"byTransition":%1$s,"chancenTransitions":%1$s}""".formatted(PROGRESSIONS)))
                .when(api).read("/api/steering/status-progressions");
        doReturn(map("{\"goals\":[],\"decisions\":[]}")).when(api).read(ActionPlanController.PLAN);
        String report = """
                {"tenant":"kreis-mettmann","year":2025,"sections":[
                  {"name":"casesOpenAtYearEnd","title":"Fälle offen am Jahresende nach Ort","figure":%s},
                  {"name":"themes","title":"Generative Themen","figure":%s},
                  {"name":"statusProgressionsByPathway","title":"Aufenthaltswechsel nach Weg","figure":%s}],
                 "openingToFirstReferral":{"cases":{"count":null,"display":"mindestens 5"},"medianDays":6.0,"p90Days":9.2},
                 "openingToClosure":{"cases":{"count":0,"display":"0"},"medianDays":null,"p90Days":null},
                 "referralFlows":[%s]}""".formatted(FIGURE, THEMES, PROGRESSIONS, FLOW);
        when(api.get("/api/steering/reports/yearly/{year}", Map.of("year", "2025")))
                .thenReturn(new Api.Answer(200, JSON.readTree(report)));
        String land = """
                {"kommune":"Kreis Mettmann","year":2025,"generatedOn":"2026-01-15",
                 "method":"Anonymisiert: Werte unter 5 stehen als <5.",
                 "sections":[{"name":"cases","title":"1. Fälle","tables":[
                   {"name":"casesOpenedByAccessRoute","title":"Fälle eröffnet im Jahr nach Zugangsweg","figure":%s}]},
                  {"name":"network","title":"5. Netzwerk","tables":[
                   {"name":"referralsMade","title":"Verweisungen nach Partner und Handlungsfeld","figure":
                    {"total":{"count":null,"display":"x"},"groups":[
                     {"key":"3f2a9c1e-8b7d-4e21-9a0c-5d6e7f8a9b0c/LANGUAGE","label":"VHS Velbert – Sprache",
                      "value":{"count":null,"display":"<5"}},
                     {"key":"SUPPRESSED","label":"nicht ausgewiesen","value":{"count":null,"display":"x"}}]}}]}]}"""
                .formatted(FIGURE);
        when(api.get("/api/steering/reports/land/{year}", Map.of("year", "2025")))
                .thenReturn(new Api.Answer(200, JSON.readTree(land)));
        when(api.map(any())).thenAnswer(call -> JSON.convertValue(((Api.Answer) call.getArgument(0)).body(), Map.class));
    }

    @Test
    void the_steering_page_shows_every_figure_in_words() throws Exception {
        String visible = visible("/steuerung");
        assertThat(visible).contains("Offene Fälle am Ende des Zeitraums", "Sprache", "Wohnen", "nicht ausgewiesen",
                "Kein bezahlbarer Wohnraum", "Sonstiges Thema (freier Text)", "ohne Status → Duldung",
                "Kein Angebot mit freiem Platz", "Zeitraum");
        assertNoCodes(visible);
    }

    @Test
    void the_steering_page_shows_the_counselling_contacts_and_hours_in_words_as_the_service_protects_them() throws Exception {
        String page = mvc.perform(get("/steuerung").locale(Locale.GERMAN).with(signedIn()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String contacts = page.substring(page.indexOf("id=\"counselling-contacts\""), page.indexOf("id=\"counselling-hours\""));
        String hours = page.substring(page.indexOf("id=\"counselling-hours\""), page.indexOf("id=\"flows\""));
        assertThat(contacts).contains("23", "Persönliches Gespräch", "19", "Hausbesuch", "&lt;5", "nicht ausgewiesen");
        assertThat(hours).contains("31", "17", "Hausbesuch", ">x<", "14");
        String visible = visible("/steuerung");
        assertThat(visible).contains("Beratungskontakte nach Art", "Beratungsstunden nach Art",
                "Stunden stehen nur, wo die Zahl der Kontakte gezeigt wird");
        assertNoCodes(visible);
    }

    @Test
    void a_decision_names_its_goal_by_title_and_a_goal_no_longer_in_the_plan_in_words() throws Exception {
        doReturn(map("""
                {"goals":[{"id":"g-sprache","title":"Sprachkurse ausbauen","fieldOfAction":"LANGUAGE","description":null,
                   "indicators":[],"measures":[]}],
                 "decisions":[
                   {"id":"d-1","body":"STEERING_GROUP","decidedOn":"2026-03-12","subject":"Sprachkurse",
                    "text":"Zwei Kurse mehr in Velbert","goalId":"g-sprache"},
                   {"id":"d-2","body":"STEERING_GROUP","decidedOn":"2026-04-09","subject":"Wohnen",
                    "text":"Sprechstunde im Rathaus","goalId":"g-wohnen-alt"}]}"""))
                .when(api).read(ActionPlanController.PLAN);
        String page = mvc.perform(get("/steuerung").locale(Locale.GERMAN).with(signedIn()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String decisions = page.substring(page.indexOf("id=\"decision-list\""), page.indexOf("id=\"record-decision\""));
        assertThat(decisions).contains("Sprachkurse ausbauen", "ein Ziel, das nicht mehr im Handlungskonzept steht")
                .doesNotContain("g-wohnen-alt", "g-sprache");
    }

    @Test
    void the_yearly_report_shows_every_figure_in_words() throws Exception {
        String visible = visible("/steuerung/jahresbericht?jahr=2025");
        assertThat(visible).contains("Offene Fälle am 31.12. nach Ort", "nicht ausgewiesen", "Sonstiges Thema (freier Text)",
                "ohne Status → Duldung", "mindestens 5", "VHS Velbert", "Sprache");
        assertNoCodes(visible);
    }

    @Test
    void the_report_to_the_land_prints_its_sections_in_words_with_captions() throws Exception {
        String page = mvc.perform(get("/steuerung/landesbericht?jahr=2025").locale(Locale.GERMAN).with(signedIn()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<caption>Fälle eröffnet im Jahr nach Zugangsweg</caption>", "<th scope=\"row\">Gesamt</th>",
                "class=\"land-section\"", "/steuerung/landesbericht/2025.csv");
        String visible = visible("/steuerung/landesbericht?jahr=2025");
        assertThat(visible).contains("Kreis Mettmann", "15.01.2026", "1. Fälle", "5. Netzwerk", "Sprache", "Wohnen",
                "nicht ausgewiesen", "VHS Velbert – Sprache", "<5");
        assertNoCodes(visible);
        assertThat(visible).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");
        assertThat(visible("/steuerung")).contains("Bericht an das Land");
    }

    private static void assertNoCodes(String visible) {
        assertThat(visible).doesNotContain("null", "LANGUAGE", "HOUSING", "SUPPRESSED", "IN_PERSON", "HOME_VISIT", "NONE", "DULDUNG", "OTHER",
                "NO_AFFORDABLE_HOUSING", "NO_OFFER_WITH_FREE_CAPACITY", "p-vhs");
        assertThat(visible).doesNotContainPattern("\\b[A-Z]{2,}_[A-Z_]+\\b");
    }

    private String visible(String path) throws Exception {
        String page = mvc.perform(get(path).locale(Locale.GERMAN).with(signedIn()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return page.replaceAll("(?s)<head>.*?</head>", "").replaceAll("(?s)<form.*?</form>", " ")
                .replaceAll("<[^>]+>", " ").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">");
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
