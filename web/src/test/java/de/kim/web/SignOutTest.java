package de.kim.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Abmelden": the front end's session ends and the browser goes on to the provider's
 * end-session endpoint (RP-initiated logout), which brings it back to the signed-out page.
 * The whole round trip through the real sign-in server is in the platform's browser test.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SignOutTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ClientRegistrationRepository registrations;

    @Test
    void signing_out_ends_the_session_and_ends_the_providers_session_too() throws Exception {
        MockHttpSession session = new MockHttpSession();

        MvcResult answer = mvc.perform(post("/abmelden").session(session).with(csrf()).with(signedIn()))
                .andExpect(status().isFound()).andReturn();

        assertThat(session.isInvalid()).isTrue();
        UriComponents target = UriComponentsBuilder.fromUriString(answer.getResponse().getRedirectedUrl()).build();
        assertThat(target.getScheme() + "://" + target.getHost() + ":" + target.getPort() + target.getPath())
                .isEqualTo("http://localhost:9000/connect/logout");
        assertThat(target.getQueryParams().getFirst("id_token_hint")).isEqualTo("the-id-token");
        assertThat(target.getQueryParams().getFirst("post_logout_redirect_uri")).isEqualTo("http://localhost/abgemeldet");
    }

    @Test
    void signing_out_needs_the_forms_csrf_token() throws Exception {
        MockHttpSession session = new MockHttpSession();

        mvc.perform(post("/abmelden").session(session).with(signedIn())).andExpect(status().isForbidden());

        assertThat(session.isInvalid()).isFalse();
    }

    @Test
    void the_signed_out_page_says_so_without_signing_in_and_offers_to_sign_in_again() throws Exception {
        String german = mvc.perform(get("/abgemeldet").locale(Locale.GERMAN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String english = mvc.perform(get("/abgemeldet").header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(german).contains("<html lang=\"de\"", "<h1>Sie sind abgemeldet</h1>", "<main id=\"main\">",
                ">Wieder anmelden</a>");
        assertThat(german).doesNotContain("sign-out");
        assertThat(english).contains("<h1>You are signed out</h1>", ">Sign in again</a>");
    }

    @Test
    void the_sign_out_button_is_a_form_with_the_csrf_token() throws Exception {
        String page = mvc.perform(get("/abgemeldet").with(signedIn()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).containsPattern("<form action=\"/abmelden\" method=\"post\" id=\"sign-out\">"
                + "<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\"/>");
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor signedIn() {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("kim"))
                .idToken(token -> token.tokenValue("the-id-token").claim("preferred_username", "leitung.mettmann")
                        .claim("name", "Lea Leitner").claim("tenant", "kreis-mettmann")
                        .claim("roles", java.util.List.of("CASE_MANAGEMENT_LEAD")));
    }

}
