package de.kim.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A form of the case file that the service refuses names each refused field next to it in a German
 * sentence ({@code aria-invalid}, {@code aria-describedby}), as the opening form does; a form sent
 * with nothing chosen (no purpose of a consent) reaches the service and comes back the same way,
 * never as a bare error page. Opening a case without a language opens it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CaseFileFormProblemsPageTest {

    private static final String CASE = "3f1c9e2a-5b6d-4e7f-8a9b-0c1d2e3f4a5b";
    private static final String FILE = """
            {"id":"%s","caseNumber":"KIM-2026-00042","status":"OPEN","tenant":"kreis-mettmann","version":7,
             "assignee":"cm-anna","targetGroup":"NEWLY_ARRIVED","accessRoute":"JOBCENTER","erasedOn":null,
             "legalHold":false,"disputed":false,"residenceRecordId":null,"rectifiedOn":null,"legalDomainTimeline":[],
             "client":{"givenName":"Amina","familyName":"Beispiel","dateOfBirth":"1990-04-12","nationality":"SYR",
                       "languages":[],"town":"Velbert","contact":null},
             "needs":[],"plan":null,"consents":[],"referrals":[],"measures":[],"contacts":[],"followUps":[],
             "achievements":[],"statusChecks":[],"themes":[],"handOvers":[],"legalDomains":[]}""".formatted(CASE);

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
        when(api.version(anyString())).thenReturn(7L);
    }

    @Test
    void a_consent_without_a_purpose_is_named_next_to_the_purposes_and_the_form_stays_open() throws Exception {
        refuse("/consents", "purposes", "darf nicht leer sein");
        MvcResult sent = mvc.perform(post("/faelle/" + CASE + "/einwilligungen").with(csrf()).with(signedIn())
                        .locale(Locale.GERMAN).param("recipient", "immigration-office").param("dataCategories", "IDENTITY")
                        .param("validUntil", "2027-10-01").param("evidenceReference", ""))
                .andExpect(redirectedUrl("/faelle/" + CASE + "/einwilligungen")).andReturn();
        assertThat(sentBody("/consents")).containsEntry("purposes", List.of()).containsEntry("dataCategories", List.of("IDENTITY"));

        String page = follow(sent, "einwilligungen");
        assertThat(page).contains("<details class=\"add\" open=\"open\"><summary>Einwilligung erfassen</summary>",
                "aria-invalid=\"true\" aria-describedby=\"consent-purposes-error\"",
                "id=\"consent-purposes-error\">Bitte mindestens einen Zweck auswählen.</p>");
        assertThat(page.split("aria-invalid=\"true\"", -1).length - 1).as("only the purposes' checkboxes")
                .isEqualTo(page.split("name=\"purposes\"", -1).length - 1);
    }

    @Test
    void a_consent_without_an_end_day_is_named_next_to_the_day() throws Exception {
        refuse("/consents", "validUntil", "darf nicht null sein");
        MvcResult sent = mvc.perform(post("/faelle/" + CASE + "/einwilligungen").with(csrf()).with(signedIn())
                        .locale(Locale.GERMAN).param("recipient", "immigration-office").param("purposes", "REFERRAL")
                        .param("dataCategories", "IDENTITY").param("validUntil", ""))
                .andExpect(redirectedUrl("/faelle/" + CASE + "/einwilligungen")).andReturn();
        assertThat(sentBody("/consents")).containsEntry("validUntil", null);
        assertThat(follow(sent, "einwilligungen")).contains("aria-describedby=\"consent-until-error\"",
                "id=\"consent-until-error\">Bitte angeben, bis wann die Einwilligung gilt");
    }

    @Test
    void the_forms_of_needs_contacts_and_follow_ups_name_a_refused_field_next_to_it() throws Exception {
        refuse("/needs", "description", "Größe muss zwischen 0 und 2000 sein");
        String needs = follow(mvc.perform(post("/faelle/" + CASE + "/bedarfe").with(csrf()).with(signedIn())
                        .locale(Locale.GERMAN).param("priority", "HIGH").param("description", "x".repeat(2001)))
                .andExpect(redirectedUrl("/faelle/" + CASE + "/bedarfe")).andReturn(), "bedarfe");
        assertThat(needs).contains("id=\"need-description-error\">Die Beschreibung ist zu lang (höchstens 2000 Zeichen).</p>");

        refuse("/contacts", "durationMinutes", "muss kleiner-gleich 1440 sein");
        String contacts = follow(mvc.perform(post("/faelle/" + CASE + "/kontakte").with(csrf()).with(signedIn())
                        .locale(Locale.GERMAN).param("contactOn", "2026-11-02").param("kind", "IN_PERSON")
                        .param("durationMinutes", "2000"))
                .andExpect(redirectedUrl("/faelle/" + CASE + "/kontakte")).andReturn(), "kontakte");
        assertThat(contacts).contains("aria-invalid=\"true\" aria-describedby=\"k-minutes-error\"",
                "id=\"k-minutes-error\">Bitte die Dauer in Minuten angeben (1 bis 1440).</p>");

        refuse("/follow-ups", "dueOn", "darf nicht null sein");
        String followUps = follow(mvc.perform(post("/faelle/" + CASE + "/wiedervorlagen").with(csrf()).with(signedIn())
                        .locale(Locale.GERMAN).param("subject", "Kursbeginn nachfragen"))
                .andExpect(redirectedUrl("/faelle/" + CASE + "/wiedervorlagen")).andReturn(), "wiedervorlagen");
        assertThat(followUps).contains("aria-invalid=\"true\" aria-describedby=\"f-due-error\"",
                "id=\"f-due-error\">Bitte angeben, wann die Wiedervorlage fällig ist (heute oder später).</p>");
    }

    @Test
    void a_referral_sent_without_its_offer_is_the_services_problem_not_a_bare_error_page() throws Exception {
        when(api.send(eq(HttpMethod.POST), eq("/api/cases/" + CASE + "/referrals"), any())).thenReturn(new Api.Answer(400,
                json.readTree("""
                        {"status":400,"detail":"Die Angaben sind unvollständig oder fehlerhaft: offerId.",
                         "errors":[{"field":"offerId","message":"darf nicht leer sein"}]}""")));
        mvc.perform(post("/faelle/" + CASE + "/verweisungen").with(csrf()).with(signedIn()).param("needId", "need-1"))
                .andExpect(redirectedUrl("/faelle/" + CASE + "/verweisungen"));
    }

    @Test
    void a_case_opened_without_a_language_opens_with_none() throws Exception {
        when(api.send(eq(HttpMethod.POST), eq("/api/cases"), any()))
                .thenReturn(new Api.Answer(201, json.readTree("{\"id\":\"" + CASE + "\"}")));
        mvc.perform(post("/faelle").with(csrf()).with(signedIn()).locale(Locale.GERMAN)
                        .param("givenName", "Amina").param("familyName", "Beispiel").param("dateOfBirth", "1990-04-12")
                        .param("nationality", "SYR").param("languages", "").param("town", "Velbert")
                        .param("targetGroup", "NEWLY_ARRIVED").param("accessRoute", "JOBCENTER").param("assignee", "cm-anna"))
                .andExpect(redirectedUrl("/faelle/" + CASE));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> body = ArgumentCaptor.forClass(Map.class);
        verify(api).send(eq(HttpMethod.POST), eq("/api/cases"), body.capture());
        assertThat(((Map<?, ?>) body.getValue().get("client")).get("languages")).isEqualTo(List.of());
        String page = mvc.perform(get("/faelle/" + CASE).locale(Locale.GERMAN).with(signedIn()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"rc-languages\" name=\"languages\" value=\"\"");
    }

    private void refuse(String path, String field, String message) throws Exception {
        when(api.send(eq(HttpMethod.POST), eq("/api/cases/" + CASE + path), any())).thenReturn(new Api.Answer(400,
                json.readTree("""
                        {"type":"urn:kim:problem:invalid-input","status":400,
                         "detail":"Die Angaben sind unvollständig oder fehlerhaft: %1$s.",
                         "errors":[{"field":"%1$s","message":"%2$s"}]}""".formatted(field, message))));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> sentBody(String path) {
        ArgumentCaptor<Object> body = ArgumentCaptor.forClass(Object.class);
        verify(api).send(eq(HttpMethod.POST), eq("/api/cases/" + CASE + path), body.capture());
        return (Map<String, Object>) body.getValue();
    }

    /** The part the change led back to, with what the change told it (flash attributes). */
    private String follow(MvcResult sent, String part) throws Exception {
        return mvc.perform(get("/faelle/" + CASE + "/" + part).locale(Locale.GERMAN).with(signedIn())
                        .flashAttrs(sent.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private RequestPostProcessor signedIn() {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("kim"))
                .idToken(token -> token.tokenValue("the-id-token").claim("preferred_username", "cm-anna")
                        .claim("name", "Anna Muster").claim("tenant", "kreis-mettmann")
                        .claim("roles", List.of("CASE_MANAGER")));
    }
}
