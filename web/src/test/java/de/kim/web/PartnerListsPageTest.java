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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The partner-service lists in the front end, each one page of the service's answer as the case list
 * is: the partner staff's inbox ("Verweisungen 51–52 von 73, neueste zuerst", Zurück and Weiter), the
 * partner network of the administration, filtered by field of action and town, with the offers below
 * it, each paged on its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PartnerListsPageTest {

    private static final String INBOX_PAGE = """
            {"items":[{"id":"r-1","partnerId":"p-vhs","offerId":"o-1","fieldOfAction":"LANGUAGE","madeOn":"2026-03-02",
                       "status":"RECEIVED","note":null,
                       "client":{"givenName":"Amina","familyName":"Beispiel","town":"Velbert","email":null,
                                 "needDescription":null}},
                      {"id":"r-2","partnerId":"p-vhs","offerId":"o-2","fieldOfAction":"HOUSING","madeOn":"2026-02-27",
                       "status":"ACCEPTED","note":null,"client":null}],
             "total":73,"page":1,"size":50}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    ClientRegistrationRepository registrations;
    @Autowired
    ObjectMapper json;
    @MockitoBean
    Api api;

    @Test
    void the_inbox_shows_one_page_of_referrals_newest_first_with_its_range_and_paging_links() throws Exception {
        when(api.get(anyString(), anyMap())).thenReturn(new Api.Answer(200, json.readTree(INBOX_PAGE)));
        when(api.map(any())).thenAnswer(call -> json.convertValue(((Api.Answer) call.getArgument(0)).body(), Map.class));
        when(api.all("/api/offers?partner=p-vhs")).thenAnswer(call -> List.of(Map.of("id", "o-1", "partnerId", "p-vhs",
                "title", "Deutsch B1 mit Kinderbetreuung", "fieldOfAction", "LANGUAGE", "town", "Velbert",
                "capacity", 12, "freePlaces", 3)));

        String page = mvc.perform(get("/eingang").param("seite", "2").locale(Locale.GERMAN)
                .with(signedIn("PARTNER_STAFF", "p-vhs"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        verify(api).get(eq("/api/partners/{partner}/referrals?page={page}&size={size}"),
                argThat(query -> "p-vhs".equals(query.get("partner")) && Integer.valueOf(1).equals(query.get("page"))));
        assertThat(page).contains("Verweisungen 51–52 von 73, neueste zuerst", "Deutsch B1 mit Kinderbetreuung",
                "Beispiel, Amina", "02.03.2026", "Zurück", "Weiter", "/eingang?seite=1", "/eingang?seite=3");
        assertThat(page).contains("<a rel=\"prev\" href=\"/eingang?seite=1\">Zurück</a>",
                "<a rel=\"next\" href=\"/eingang?seite=3\">Weiter</a>", "id=\"referrals-pager\"");
    }

    @Test
    void the_partner_network_and_its_offers_are_paged_each_on_its_own() throws Exception {
        when(api.get(eq("/api/partners?page={page}&size={size}&field={field}&town={town}"), anyMap())).thenReturn(new Api.Answer(200,
                json.readTree("""
                        {"items":[{"id":"p-awo","name":"AWO Velbert","kind":"WELFARE_ORGANISATION","towns":["Velbert"],
                                   "active":true}],
                         "total":51,"page":0,"size":50}""")));
        when(api.get(eq("/api/offers?page={page}&size={size}"), anyMap())).thenReturn(new Api.Answer(200,
                json.readTree("""
                        {"items":[{"id":"o-1","partnerId":"p-awo","partnerName":"AWO Velbert","title":"Wohnungssuche",
                                   "fieldOfAction":"HOUSING","town":"Velbert","online":false,"capacity":4,"freePlaces":1}],
                         "total":1,"page":0,"size":50}""")));
        when(api.map(any())).thenAnswer(call -> json.convertValue(((Api.Answer) call.getArgument(0)).body(), Map.class));

        String page = mvc.perform(get("/partner").param("feld", "HOUSING").param("ort", "Velbert").locale(Locale.GERMAN)
                .with(signedIn("ADMINISTRATOR", null))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        verify(api).get(eq("/api/partners?page={page}&size={size}&field={field}&town={town}"),
                argThat(query -> "HOUSING".equals(query.get("field")) && "Velbert".equals(query.get("town"))
                        && Integer.valueOf(0).equals(query.get("page"))));
        assertThat(page).contains("Partner 1–1 von 51, nach Namen", "AWO Velbert", "Angebote 1–1 von 1", "Wohnungssuche",
                "/partner?feld=HOUSING&amp;ort=Velbert&amp;seite=2&amp;angebotsseite=1").doesNotContain("rel=\"prev\"");
        assertThat(page).as("the partners' pager, named; none for the one page of offers")
                .contains("<nav class=\"pager\" id=\"partners-pager\" aria-label=\"Seiten\">")
                .doesNotContain("id=\"offers-pager\"");
    }

    private RequestPostProcessor signedIn(String role, String partnerId) {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("kim"))
                .idToken(token -> {
                    token.tokenValue("the-id-token").claim("preferred_username", "user-test")
                            .claim("name", "Petra Partner").claim("tenant", "kreis-mettmann")
                            .claim("roles", List.of(role));
                    if (partnerId != null) {
                        token.claim("partner_id", partnerId);
                    }
                });
    }
}
