package de.kim.web;

import com.fasterxml.jackson.databind.JsonNode;
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
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Mein Arbeitskorb" lists what is due in words with the client's name as the link, and the
 * correction of the client's data names a refused field in a German sentence next to that field.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WorkBasketAndRectificationPageTest {

    private static final String BASKET = """
            {"items":[{"id":"3f1c9e2a-5b6d-4e7f-8a9b-0c1d2e3f4a5b:referral:r-1:accepted","kind":"REFERRAL_ANSWER",
                       "caseId":"3f1c9e2a-5b6d-4e7f-8a9b-0c1d2e3f4a5b","caseNumber":"KIM-2026-00042","caseLabel":"Beispiel, Amina",
                       "text":"Ein Netzwerkpartner hat die Verweisung angenommen.","dueOn":"2026-11-02","overdue":false},
                      {"id":"3f1c9e2a-5b6d-4e7f-8a9b-0c1d2e3f4a5b:follow-up:f-1","kind":"FOLLOW_UP",
                       "caseId":"3f1c9e2a-5b6d-4e7f-8a9b-0c1d2e3f4a5b","caseLabel":"Beispiel, Amina",
                       "text":"Wiedervorlage zum 01.11.2026: Kursbeginn nachfragen","dueOn":"2026-11-01","overdue":true}],
             "total":2,"page":0,"size":25}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    ClientRegistrationRepository registrations;
    @Autowired
    ObjectMapper json;
    @MockitoBean
    Api api;

    @Test
    void the_start_page_of_a_case_manager_is_the_work_basket_in_words_with_the_clients_name() throws Exception {
        when(api.read("/api/work-basket?page=0&size=" + WorkBasketPageController.PAGE_SIZE))
                .thenReturn(json.readValue(BASKET, Map.class));
        mvc.perform(get("/").with(signedIn())).andExpect(redirectedUrl("/arbeitskorb"));
        String page = mvc.perform(get("/arbeitskorb").locale(Locale.GERMAN).with(signedIn()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Mein Arbeitskorb", "2 offene Einträge", "Ein Netzwerkpartner hat die Verweisung angenommen.",
                "02.11.2026", "überfällig", ">Beispiel, Amina</a>", "KIM-2026-00042",
                "href=\"/faelle/3f1c9e2a-5b6d-4e7f-8a9b-0c1d2e3f4a5b\"").doesNotContain("REFERRAL_ANSWER", "FOLLOW_UP");
    }

    @Test
    void a_refused_field_of_the_correction_comes_back_as_a_german_sentence_for_that_field() throws Exception {
        JsonNode problem = json.readTree("""
                {"status":400,"detail":"Die Angaben sind unvollständig oder fehlerhaft.",
                 "errors":[{"field":"nationality","message":"muss mit \\"[A-Z]{3}\\" übereinstimmen"}]}""");
        when(api.version(anyString())).thenReturn(3L);
        when(api.send(eq(HttpMethod.PUT), eq("/api/cases/case-1/client"), any())).thenReturn(new Api.Answer(400, problem));
        mvc.perform(post("/faelle/case-1/klientendaten").with(csrf()).with(signedIn()).locale(Locale.GERMAN)
                        .param("givenName", "Amina").param("familyName", "Beispiel").param("dateOfBirth", "1990-04-12")
                        .param("nationality", "Syrien").param("languages", "ar").param("town", "Velbert"))
                .andExpect(redirectedUrl("/faelle/case-1#klientendaten"))
                .andExpect(flash().attribute("clientErrors", Map.of("nationality",
                        "Bitte die Staatsangehörigkeit als Ländercode aus drei Großbuchstaben angeben, z. B. SYR.")));
    }

    @Test
    void the_correction_form_holds_the_recorded_data_and_the_contact_log_speaks_in_words() throws Exception {
        JsonNode file = json.readTree("""
                {"id":"case-1","status":"OPEN","tenant":"kreis-mettmann","version":7,"assignee":"cm-anna",
                 "targetGroup":"NEWLY_ARRIVED","erasedOn":null,"legalHold":false,"disputed":false,"plan":null,
                 "residenceRecordId":null,"legalDomainTimeline":[],"rectifiedOn":"2026-11-02",
                 "client":{"givenName":"Amina","familyName":"Beispiel","dateOfBirth":"1990-04-12","nationality":"SYR",
                           "languages":["ar","de"],"town":"Velbert","contact":{"phone":"0151 000000","email":null,"address":null}},
                 "contacts":[{"id":"k-1","contactOn":"2026-11-02","kind":"HOME_VISIT","durationMinutes":90,
                              "interpreterLanguage":null,"participants":"Ehemann","note":"Wohnung besichtigt","entrusted":true}],
                 "needs":[],"consents":[],"measures":[],"achievements":[],"referrals":[],"followUps":[],"themes":[],
                 "handOvers":[],"statusChecks":[],"legalDomains":[]}""");
        when(api.get(anyString())).thenReturn(new Api.Answer(200, file));
        when(api.read("/api/cases/case-1")).thenReturn(json.convertValue(file, Map.class));
        when(api.list(anyString())).thenReturn(List.of());
        String page = mvc.perform(get("/faelle/case-1").locale(Locale.GERMAN).with(signedIn()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()
                + mvc.perform(get("/faelle/case-1/kontakte").locale(Locale.GERMAN).with(signedIn()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"rc-givenName\" name=\"givenName\" value=\"Amina\"",
                "id=\"rc-languages\" name=\"languages\" value=\"ar, de\"", "value=\"0151 000000\"",
                "aria-invalid=\"false\"", "Berichtigt am", "Hausbesuch", "90 Minuten", "Wohnung besichtigt")
                .doesNotContain("HOME_VISIT</td>");
    }

    private RequestPostProcessor signedIn() {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("kim"))
                .idToken(token -> token.tokenValue("the-id-token").claim("preferred_username", "cm-anna")
                        .claim("name", "Anna Muster").claim("tenant", "kreis-mettmann")
                        .claim("roles", List.of("CASE_MANAGER")));
    }
}
