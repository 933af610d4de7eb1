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
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The parts of the case file show what is entrusted (§ 65 SGB VIII) and a consent that ran out, in
 * German words (English on request), and its forms send the mark to case-service.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EntrustedAndEndedConsentPageTest {

    private static final String FILE = """
            {"id":"case-1","status":"OPEN","tenant":"kreis-mettmann","version":7,"assignee":"cm-anna",
             "targetGroup":"NEWLY_ARRIVED","erasedOn":null,"legalHold":false,"disputed":false,"plan":null,
             "residenceRecordId":null,"legalDomainTimeline":[],
             "client":{"givenName":"Amina","familyName":"Beispiel","dateOfBirth":"1990-04-12","nationality":"SYR",
                       "languages":["ar"],"town":"Velbert","contact":{"phone":null,"email":null,"address":null}},
             "needs":[{"id":"need-1","fieldOfAction":"HEALTH","priority":"HIGH","description":"Vertrauliches",
                       "status":"OPEN","resolvedOn":null,"entrusted":true},
                      {"id":"need-2","fieldOfAction":"LANGUAGE","priority":"LOW","description":"Kurs",
                       "status":"OPEN","resolvedOn":null,"entrusted":false}],
             "consents":[{"id":"k-1","recipient":"partner-1","purposes":["REFERRAL"],"dataCategories":["IDENTITY"],
                          "validUntil":"2026-11-01","revokedOn":null,"expiredOn":"2026-11-02"}],
             "measures":[],"achievements":[{"id":"a-1","kind":"LANGUAGE_CERTIFICATE","level":"B1",
                          "achievedOn":"2026-10-01","sharedWithImmigrationOffice":false,"entrusted":true}],
             "referrals":[],"followUps":[],"themes":[],"handOvers":[],"statusChecks":[],"legalDomains":[]}""";

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
        when(api.read("/api/cases/case-1")).thenReturn(json.convertValue(file, Map.class));
        when(api.list(anyString())).thenReturn(List.of());
        when(api.send(any(), anyString(), any())).thenReturn(new Api.Answer(204, json.createObjectNode()));
    }

    @Test
    void the_case_file_shows_the_entrusted_mark_and_the_expired_consent_in_words() throws Exception {
        StringBuilder german = new StringBuilder();
        StringBuilder english = new StringBuilder();
        for (String part : List.of("bedarfe", "einwilligungen", "aufenthalt")) {
            german.append(mvc.perform(get("/faelle/case-1/" + part).locale(Locale.GERMAN).with(signedIn()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            english.append(mvc.perform(get("/faelle/case-1/" + part).header("Accept-Language", "en").with(signedIn()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        }

        assertThat(german.toString()).contains("Noch kein Integrationsplan vereinbart.", "anvertraut (§ 65 SGB VIII)", "abgelaufen am 02.11.2026", "nein (anvertraut)",
                "Als anvertraut kennzeichnen", "/faelle/case-1/bedarfe/need-2/anvertraut");
        assertThat(german.toString()).doesNotContain("/faelle/case-1/bedarfe/need-1/anvertraut", "/einwilligungen/k-1/widerruf");
        assertThat(english.toString()).contains("entrusted (§ 65 SGB VIII)", "expired on 02.11.2026");
    }

    @Test
    void the_need_form_and_the_mark_button_send_the_mark_to_case_service() throws Exception {
        mvc.perform(post("/faelle/case-1/bedarfe").with(csrf()).with(signedIn()).param("fieldOfAction", "HEALTH")
                .param("priority", "HIGH").param("description", "Vertrauliches").param("entrusted", "true"))
                .andExpect(status().isFound());
        verify(api).send(eq(HttpMethod.POST), eq("/api/cases/case-1/needs"),
                argThat(body -> Boolean.TRUE.equals(((Map<?, ?>) body).get("entrusted"))));

        mvc.perform(post("/faelle/case-1/massnahmen/m-1/anvertraut").with(csrf()).with(signedIn()))
                .andExpect(status().isFound());
        verify(api).send(eq(HttpMethod.POST), eq("/api/cases/case-1/measures/m-1/entrusted"), isNull());
    }

    private RequestPostProcessor signedIn() {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("kim"))
                .idToken(token -> token.tokenValue("the-id-token").claim("preferred_username", "cm-anna")
                        .claim("name", "Anna Muster").claim("tenant", "kreis-mettmann")
                        .claim("roles", List.of("CASE_MANAGER")));
    }
}
