package de.kim.web;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The self-disclosure page as the browser gets it: German, printable, every section, nothing technical. */
@SpringBootTest
@AutoConfigureMockMvc
class SelfDisclosurePageRenderingTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ClientRegistrationRepository registrations;
    @MockitoBean
    Api api;

    @Test
    void the_page_renders_every_section_in_words() throws Exception {
        when(api.get("/api/cases/case-1/self-disclosure"))
                .thenReturn(new Api.Answer(200, new ObjectMapper().readTree(SelfDisclosurePageTest.DISCLOSURE)));
        when(api.all("/api/partners")).thenReturn((List) List.of(Map.of("id", "p-vhs", "name", "VHS Velbert")));

        String page = mvc.perform(get("/faelle/case-1/selbstauskunft").locale(Locale.GERMAN).with(signedIn()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<h1>Selbstauskunft nach Art. 15 DSGVO</h1>", "Erstellt am 03.11.2026, 00:30 Uhr",
                "<dd>Syrien</dd>", "<dd>12.04.1990</dd>", "Ihre Einwilligungen", "VHS Velbert", "Wer auf Ihre Daten zugegriffen hat",
                "Netzwerkpartner, an die Sie vermittelt wurden", "vhs-maria", "Keine Zugriffe.",
                "href=\"/faelle/case-1/selbstauskunft.json\"");
        String visible = page.replaceAll("(?s)<head>.*?</head>", "").replaceAll("<[^>]+>", " ");
        assertThat(visible).doesNotContain("null", "LANGUAGE", "READ", "SYR", "p-vhs", "/api/", "2026-10-");
    }

    @Test
    void a_disclosure_that_cannot_be_complete_says_so_and_shows_no_data() throws Exception {
        when(api.get("/api/cases/case-1/self-disclosure")).thenReturn(new Api.Answer(503, new ObjectMapper().readTree(
                "{\"title\":\"Zugriff kann nicht protokolliert werden\",\"detail\":\"Deshalb werden keine Daten angezeigt.\"}")));

        String page = mvc.perform(get("/faelle/case-1/selbstauskunft").locale(Locale.GERMAN).with(signedIn()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Deshalb werden keine Daten angezeigt.").doesNotContain("Angaben zu Ihrer Person");
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor signedIn() {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("kim"))
                .idToken(token -> token.tokenValue("the-id-token").claim("preferred_username", "cm.mettmann")
                        .claim("name", "Anna Fallmann").claim("tenant", "kreis-mettmann")
                        .claim("roles", List.of("CASE_MANAGER")));
    }
}
