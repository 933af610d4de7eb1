package de.kim.steering.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kim.platform.domain.Role;
import de.kim.platform.testing.TestTokens;
import de.kim.steering.query.Facts.PartnerFact;
import de.kim.steering.query.Facts.ReferralFact;
import de.kim.steering.query.FactsDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report to the Land through the HTTP API, where it differs from the views it is made of:
 * the referral total over all partners, a sum no other view publishes, and its header.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LandReportIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    FactsDatabase facts;

    @Test
    void the_referral_total_is_withheld_where_it_would_give_the_suppressed_partners_away() throws Exception {
        // 2021 for the other known tenant: a year no other test writes for it.
        String tenant = TestTokens.OTHER_TENANT;
        partner(tenant, "p-land-a", "Sprachschule Nord");
        partner(tenant, "p-land-b", "Beratung Süd");
        for (int i = 0; i < 10; i++) {
            referral(tenant, "p-land-a", LocalDate.of(2021, 3, 1 + i));
        }
        for (int i = 0; i < 3; i++) {
            referral(tenant, "p-land-b", LocalDate.of(2021, 5, 1 + i));
        }
        HttpHeaders headers = TestTokens.bearer(TestTokens.token(tenant, "steuerung-test", Role.STEERING_MEMBER));
        JsonNode report = json.readTree(get(headers, "/api/steering/reports/land/2021").getBody());
        assertThat(report.path("kommune").asText()).isEqualTo("Kreis Musterland (Demo)");
        JsonNode made = null;
        for (JsonNode table : report.at("/sections/4/tables")) {
            if (table.path("name").asText().equals("referralsMade")) {
                made = table.path("figure");
            }
        }
        assertThat(made).isNotNull();
        // 13 in all, 10 shown: the total would give the 3 of "Beratung Süd" away.
        assertThat(made.at("/total/display").asText()).isEqualTo("x");
        assertThat(made.toString()).contains("\"Sprachschule Nord – Sprache\"", "\"display\":\"10\"", "\"display\":\"<5\"")
                .doesNotContain("\"display\":\"13\"", "\"display\":\"3\"");
        assertThat(made.at("/groups/2/label").asText()).isEqualTo("nicht ausgewiesen");
        assertThat(made.at("/groups/2/value/display").asText()).isEqualTo("x");

        String csv = new String(get(headers, "/api/steering/reports/land/2021.csv").getBody(), StandardCharsets.UTF_8);
        assertThat(csv).contains("Kommune;Kreis Musterland (Demo)", "Berichtsjahr;2021", "5. Netzwerk;"
                + "Verweisungen an Netzwerkpartner nach Partner und Handlungsfeld;Gesamt;x").doesNotContain("null");
    }

    @Test
    void an_implausible_year_is_refused_in_german() {
        HttpHeaders headers = TestTokens.bearer(TestTokens.token(TestTokens.TENANT, "steuerung-test", Role.STEERING_MEMBER));
        ResponseEntity<String> answer = http.exchange("/api/steering/reports/land/1999.csv", HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).contains("außerhalb von 2000 bis 2100");
    }

    private ResponseEntity<byte[]> get(HttpHeaders headers, String path) {
        ResponseEntity<byte[]> answer = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return answer;
    }

    private void partner(String tenant, String id, String name) {
        PartnerFact p = new PartnerFact();
        p.id = tenant + ":" + id;
        p.tenant = tenant;
        p.partnerId = id;
        p.name = name;
        p.active = true;
        facts.template().save(p);
    }

    private void referral(String tenant, String partner, LocalDate made) {
        ReferralFact r = new ReferralFact();
        r.id = tenant + ":" + UUID.randomUUID();
        r.tenant = tenant;
        r.caseId = UUID.randomUUID().toString();
        r.partnerId = partner;
        r.offerId = "o-1";
        r.fieldOfAction = "LANGUAGE";
        r.town = "Musterstadt";
        r.madeOn = made;
        r.status = "ACCEPTED";
        r.answeredOn = made.plusDays(2);
        facts.store().insertIfAbsent(r);
    }
}
