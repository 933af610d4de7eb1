package de.kim.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The officer's candidate list pages, keeps its filter (pathway, period) in the paging and file links, and hands on
 * the whole list as CSV or XLSX from immigration-office-service; the record list sends its pathway filter.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CandidatePageTest {

    private static final String CANDIDATES = """
            {"pathway":"AUFENTHG_25A","pathwayLabel":"Aufenthaltsgewährung bei gut integrierten Jugendlichen",
             "asOf":"2026-12-06","within":"P3M","until":"2027-03-06","page":1,"size":50,"total":51,
             "candidates":[{"recordId":"0b7c5e1a-3f2d-4c1b-9a8e-7d6c5b4a3f21","record":"ABH 7 – Haddad, Lina",
               "officer":"abh-jonas","currentStatus":"DULDUNG","currentStatusLabel":"Duldung","meetsNow":false,
               "meetsBy":"2027-03-06","missing":[{"id":"residence","requirement":"Voraufenthalt",
               "citation":"§ 25a Abs. 1 Satz 1 Nr. 1 AufenthG"}],"toCheck":[]}]}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    ClientRegistrationRepository registrations;
    @Autowired
    ObjectMapper json;
    @MockitoBean
    Api api;

    @Test
    void the_list_pages_and_its_filter_reaches_the_paging_and_the_file_links() throws Exception {
        when(api.read(anyString())).thenReturn(json.readValue(CANDIDATES, Map.class));

        String page = mvc.perform(get("/aufenthalt/kandidaten").param("pathway", "AUFENTHG_25A").param("within", "P3M")
                        .param("seite", "2").locale(Locale.GERMAN).with(signedIn()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        verify(api).read("/api/pathway-candidates?pathway=AUFENTHG_25A&within=P3M&page=1&size=50");
        assertThat(page).contains("ABH 7 – Haddad, Lina", "Voraufenthalt", "06.03.2027",
                "href=\"/aufenthalt/kandidaten.csv?pathway=AUFENTHG_25A&amp;within=P3M\"",
                "href=\"/aufenthalt/kandidaten.xlsx?pathway=AUFENTHG_25A&amp;within=P3M\"",
                "als CSV-Datei", "als Excel-Datei (XLSX)", "rel=\"prev\"",
                "href=\"/aufenthalt/kandidaten?pathway=AUFENTHG_25A&amp;within=P3M&amp;seite=1\"");
        assertThat(page).as("51 candidates, 50 a page: page 2 is the last").doesNotContain("rel=\"next\"");
    }

    @Test
    void a_file_is_fetched_with_the_chosen_filter_and_handed_on_as_it_came() throws Exception {
        byte[] xlsx = {80, 75, 3, 4};
        when(api.download(anyString())).thenReturn(ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kim-kandidaten-25a-2026-12-06.xlsx\"")
                .body(xlsx));

        MvcResult file = mvc.perform(get("/aufenthalt/kandidaten.xlsx").param("pathway", "AUFENTHG_25A")
                        .param("within", "EVIL&x=1").with(signedIn()))
                .andExpect(status().isOk()).andReturn();

        verify(api).download("/api/pathway-candidates/export.xlsx?pathway=AUFENTHG_25A&within=P6M");
        assertThat(file.getResponse().getContentAsByteArray()).isEqualTo(xlsx);
        assertThat(file.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"kim-kandidaten-25a-2026-12-06.xlsx\"");
        mvc.perform(get("/aufenthalt/kandidaten.exe").with(signedIn())).andExpect(status().isNotFound());
        verify(api, never()).download(eq("/api/pathway-candidates/export.exe?pathway=AUFENTHG_25B&within=P6M"));
    }

    @Test
    void the_record_list_sends_the_pathway_chosen_and_keeps_it_in_the_paging() throws Exception {
        when(api.get(anyString(), anyMap())).thenReturn(new Api.Answer(200, json.readTree("""
                {"items":[],"total":0,"page":0,"size":50}""")));
        when(api.map(org.mockito.ArgumentMatchers.any()))
                .thenAnswer(call -> json.convertValue(((Api.Answer) call.getArgument(0)).body(), Map.class));
        when(api.read(anyString())).thenAnswer(call -> Map.of("statusChecks", List.of()));

        String page = mvc.perform(get("/aufenthalt").param("weg", "AUFENTHG_25B").locale(Locale.GERMAN)
                .with(signedIn())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        verify(api).get(eq("/api/residence-records?page={page}&size={size}&pathway={pathway}"),
                argThat(query -> "AUFENTHG_25B".equals(query.get("pathway"))));
        assertThat(page).contains("Weg erfüllt oder in 6 Monaten erfüllt", "<option value=\"AUFENTHG_25B\" selected");
    }

    private RequestPostProcessor signedIn() {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("kim"))
                .idToken(token -> token.tokenValue("the-id-token").claim("preferred_username", "abh-jonas")
                        .claim("name", "Jonas Muster").claim("tenant", "kreis-mettmann")
                        .claim("roles", List.of("IMMIGRATION_OFFICER")));
    }
}
