package de.kim.cases.privacy;

import de.kim.cases.web.CaseServiceIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kim.platform.privacy.PersonalDataVault;
import de.kim.platform.domain.Role;
import de.kim.platform.testing.TestTokens;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import de.kim.cases.query.CaseFileDatabase;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Clock;
import java.time.Duration;
import java.time.Period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The nightly retention job: closed cases past their period are erased, held ones are not. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RetentionIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    CaseFileDatabase caseFiles;
    @Autowired
    CommandGateway commands;
    @Autowired
    Clock clock;
    @Autowired
    PersonalDataVault vault;

    final String lead = TestTokens.token(TestTokens.TENANT, "lea-lead", Role.CASE_MANAGEMENT_LEAD);

    @Test
    void closed_cases_past_retention_are_erased_unless_on_legal_hold_open_ones_never() throws Exception {
        String due = openAndClose(true);
        String held = openAndClose(true);
        String open = openAndClose(false);
        assertThat(send(HttpMethod.PUT, "/api/cases/" + held + "/legal-hold", "{\"active\":true,\"reason\":\"Klage\"}"))
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> file(held).path("legalHold").asBoolean());

        // A period of three years has not passed for a case closed today.
        assertThat(new RetentionJob(caseFiles, commands, Period.ofYears(3), clock).run()).isZero();
        new RetentionJob(caseFiles, commands, Period.ZERO, clock).run();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(file(due).path("erasedOn").isNull()).isFalse();
            assertThat(file(due).path("client").isNull()).isTrue();
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> !vault.holdsKeyOf(due));
        assertThat(file(held).at("/client/familyName").asText()).isEqualTo("Behalten");
        assertThat(file(open).at("/client/familyName").asText()).isEqualTo("Behalten");
        assertThat(vault.holdsKeyOf(held)).isTrue();
    }

    private String openAndClose(boolean close) throws Exception {
        String id = json.readTree(http.exchange(CaseServiceIntegrationTest.OPEN_AGAIN, HttpMethod.POST, new HttpEntity<>("""
                {"client":{"givenName":"Rana","familyName":"Behalten","dateOfBirth":"1985-05-05","nationality":"IRQ",
                 "town":"Hilden"},"targetGroup":"FAMILIES","accessRoute":"SELF","assignee":"cm-anna"}""", headers()),
                String.class).getBody()).path("id").asText();
        if (close) {
            assertThat(send(HttpMethod.POST, "/api/cases/" + id + "/closure", "{\"outcome\":\"GOALS_REACHED\"}")).isEqualTo(204);
            await().atMost(Duration.ofSeconds(20)).until(() -> "CLOSED".equals(file(id).path("status").asText()));
        } else {
            await().atMost(Duration.ofSeconds(20)).until(() -> "OPEN".equals(file(id).path("status").asText()));
        }
        return id;
    }

    private int send(HttpMethod method, String path, String body) {
        return http.exchange(path, method, new HttpEntity<>(body, headers()), String.class).getStatusCode().value();
    }

    private JsonNode file(String id) throws Exception {
        return json.readTree(http.exchange("/api/cases/" + id, HttpMethod.GET, new HttpEntity<>(headers()), String.class)
                .getBody());
    }

    private HttpHeaders headers() {
        HttpHeaders headers = TestTokens.bearer(lead);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}
