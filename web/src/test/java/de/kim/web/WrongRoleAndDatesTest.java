package de.kim.web;

import com.fasterxml.jackson.databind.ObjectMapper;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A page of another role's area answers "Keine Berechtigung" with 403 before any service is asked;
 * dates read as a reader in Germany writes them, and times in German time.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WrongRoleAndDatesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ClientRegistrationRepository registrations;
    @Autowired
    ObjectMapper json;
    @Autowired
    Labels labels;
    @MockitoBean
    Api api;

    @Test
    void a_case_manager_opening_the_immigration_office_s_pages_is_told_that_the_role_does_not_cover_them() throws Exception {
        for (String page : List.of("/aufenthalt", "/aufenthalt/record-1", "/steuerung", "/protokoll", "/eingang")) {
            String body = mvc.perform(get(page).locale(Locale.GERMAN).with(signedIn("CASE_MANAGER")))
                    .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
            assertThat(body).as(page).contains("Keine Berechtigung").contains("Fälle");
        }
        verify(api, never()).get(anyString());
        verify(api, never()).list(anyString());
    }

    @Test
    void the_officer_does_not_open_the_cases_nor_steering_the_residence_records() throws Exception {
        mvc.perform(get("/faelle").with(signedIn("IMMIGRATION_OFFICER"))).andExpect(status().isForbidden());
        mvc.perform(get("/faelle/neu").with(signedIn("IMMIGRATION_OFFICER"))).andExpect(status().isForbidden());
        mvc.perform(get("/aufenthalt").with(signedIn("STEERING_MEMBER"))).andExpect(status().isForbidden());
        mvc.perform(get("/").with(signedIn("IMMIGRATION_OFFICER"))).andExpect(status().is3xxRedirection());
    }

    @Test
    void days_read_tt_mm_jjjj_and_times_are_german_time() {
        assertThat(labels.date("2026-03-29")).isEqualTo("29.03.2026");
        assertThat(labels.time("2026-03-29T00:30:00Z")).as("summer time began that night").isEqualTo("29.03.2026 01:30");
        assertThat(labels.time("2026-03-29T01:30:00Z")).isEqualTo("29.03.2026 03:30");
        assertThat(labels.date("2026-12-31T23:30:00Z")).as("the day in Germany").isEqualTo("01.01.2027");
        assertThat(labels.date(null)).isEmpty();
        assertThat(labels.time("")).isEmpty();
    }

    private RequestPostProcessor signedIn(String role) {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("kim"))
                .idToken(token -> token.tokenValue("the-id-token").claim("preferred_username", "someone")
                        .claim("name", "Jemand Erfunden").claim("tenant", "kreis-mettmann")
                        .claim("roles", List.of(role)));
    }
}
