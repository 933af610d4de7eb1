package de.kim.web;

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
 * The officer's list of residence records shows Aktenzeichen and names, never a record's id, pages and sends the
 * search and filters to immigration-office-service; the form to open a record asks for names and Aktenzeichen.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ResidenceRecordListPageTest {

    private static final String PAGE = """
            {"items":[{"recordId":"0b7c5e1a-3f2d-4c1b-9a8e-7d6c5b4a3f21","fileNumber":"32.1-ABH 4711/2019",
              "familyName":"Haddad","givenName":"Lina","dateOfBirth":"2006-04-17","currentStatus":"DULDUNG",
              "currentStatusLabel":"Duldung","currentValidUntil":"2027-01-31","officer":"abh-jonas","closed":false,
              "erased":false},
             {"recordId":"9f8e7d6c-5b4a-4f21-8c1b-0b7c5e1a3f2d","fileNumber":null,"familyName":null,"givenName":null,
              "dateOfBirth":null,"currentStatus":null,"currentStatusLabel":null,"currentValidUntil":null,"officer":null,
              "closed":true,"erased":true}],
             "total":51,"page":0,"size":50}""";

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
        when(api.get(anyString(), anyMap())).thenReturn(new Api.Answer(200, json.readTree(PAGE)));
        when(api.map(any())).thenAnswer(call -> json.convertValue(((Api.Answer) call.getArgument(0)).body(), Map.class));
        when(api.read(org.mockito.ArgumentMatchers.startsWith("/api/residence-records/work-list")))
                .thenReturn(json.readValue("""
                        {"statusChecks":[{"recordId":"0b7c5e1a-3f2d-4c1b-9a8e-7d6c5b4a3f21","requestedOn":"2026-11-01",
                          "daysWaiting":3,"record":"32.1-ABH 4711/2019 – Haddad, Lina"}]}""", Map.class));
        when(api.send(any(), anyString(), any())).thenReturn(new Api.Answer(400, json.readTree("""
                {"detail":"Das Aktenzeichen fehlt."}""")));
    }

    @Test
    void the_list_shows_file_numbers_and_names_and_no_record_id_and_sends_search_and_filters() throws Exception {
        String page = mvc.perform(get("/aufenthalt").param("suche", "Müller 12.04.1990").param("status", "DULDUNG")
                        .param("ablauf", "90").param("meine", "on").param("seite", "2")
                        .locale(Locale.GERMAN).with(signedIn()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("32.1-ABH 4711/2019", "Haddad, Lina", "17.04.2006", "Duldung", "Gelöschte Akte",
                "Akten (51)", "rel=\"prev\"");
        assertThat(page.replaceAll("href=\"[^\"]*\"", "")).doesNotContain("0b7c5e1a", "9f8e7d6c", "null");
        verify(api).get(eq("/api/residence-records?page={page}&size={size}&q={q}&statusType={statusType}"
                        + "&expiringWithinDays={days}&officer={officer}"),
                argThat(query -> query.get("q").equals("Müller 12.04.1990") && query.get("page").equals(1)
                        && query.get("officer").equals("abh-jonas") && query.get("days").equals("90")));
    }

    @Test
    void the_officer_orders_the_list_by_the_permits_end_and_the_pages_keep_the_order() throws Exception {
        String page = mvc.perform(get("/aufenthalt").param("ordnung", "ablauf").param("seite", "2")
                        .locale(Locale.GERMAN).with(signedIn()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        verify(api).get(eq("/api/residence-records?page={page}&size={size}&sort={sort}"),
                argThat(query -> "validUntil".equals(query.get("sort"))));
        assertThat(page).contains("<option value=\"ablauf\" selected=\"selected\">Ende der Erlaubnis (früheste zuerst)</option>",
                "ordnung=ablauf&amp;seite=1");
    }

    @Test
    void a_filter_not_offered_is_not_sent() throws Exception {
        mvc.perform(get("/aufenthalt").param("status", "EVIL&x=1").param("ablauf", "7").param("ordnung", "_id")
                        .with(signedIn()))
                .andExpect(status().isOk());
        verify(api).get(eq("/api/residence-records?page={page}&size={size}"), anyMap());
    }

    @Test
    void the_form_asks_for_names_and_file_number_and_sends_them() throws Exception {
        String page = mvc.perform(get("/aufenthalt").locale(Locale.GERMAN).with(signedIn()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("name=\"familyName\"", "name=\"givenName\"", "name=\"fileNumber\"",
                "name=\"azrNumber\"", "Aktenzeichen");
        mvc.perform(post("/aufenthalt").with(csrf()).with(signedIn()).param("familyName", "Haddad")
                        .param("givenName", "Lina").param("fileNumber", "ABH 1").param("azrNumber", "")
                        .param("dateOfBirth", "2006-04-17").param("nationality", "SYR").param("entryDate", "2019-08-02"))
                .andExpect(status().isFound());
        verify(api).send(eq(HttpMethod.POST), eq("/api/residence-records"), argThat(body -> {
            Map<?, ?> sent = (Map<?, ?>) body;
            return "Haddad".equals(sent.get("familyName")) && "ABH 1".equals(sent.get("fileNumber"))
                    && sent.get("azrNumber") == null;
        }));
    }

    private RequestPostProcessor signedIn() {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("kim"))
                .idToken(token -> token.tokenValue("the-id-token").claim("preferred_username", "abh-jonas")
                        .claim("name", "Jonas Muster").claim("tenant", "kreis-mettmann")
                        .claim("roles", List.of("IMMIGRATION_OFFICER")));
    }
}
