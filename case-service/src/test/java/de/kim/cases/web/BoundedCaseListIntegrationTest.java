package de.kim.cases.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kim.contracts.vocabulary.TargetGroup;
import de.kim.cases.query.CaseFile;
import de.kim.platform.domain.Role;
import de.kim.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case list reads at most a thousand case files: a filter that matches more is refused with
 * a problem asking to narrow it, instead of reading every file into the service's heap (one list of
 * 46,000 open cases ran case-service out of memory). Invented case files, written to the read model.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BoundedCaseListIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ObjectMapper json;

    private final String assignee = "cm-bounded-" + UUID.randomUUID();

    @BeforeEach
    void signIn() {
        TestTokens.signIn(http, TestTokens.token(TestTokens.TENANT, "cm-lead", Role.CASE_MANAGEMENT_LEAD));
    }

    @AfterEach
    void removeTheFiles() {
        mongo.remove(Query.query(Criteria.where("assignee").is(assignee)), CaseFile.class);
    }

    @Test
    void a_thousand_open_cases_are_listed_and_one_more_asks_in_german_to_narrow_the_filter() throws Exception {
        mongo.insert(files(0, 1_000), CaseFile.class);

        ResponseEntity<String> thousand = list(null);
        assertThat(thousand.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(thousand.getBody())).hasSize(1_000);

        mongo.insert(files(1_000, 1_001), CaseFile.class);

        ResponseEntity<String> tooMany = list(null);
        assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(tooMany.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode problem = json.readTree(tooMany.getBody());
        assertThat(problem.path("title").asText()).isEqualTo("Zu viele Treffer");
        assertThat(problem.path("detail").asText()).isEqualTo("Die Suche ergibt mehr als 1.000 Treffer. "
                + "Bitte grenzen Sie sie weiter ein, zum Beispiel nach Status, Ort oder Zuständigkeit.");
        assertThat(json.readTree(list("en").getBody()).path("detail").asText())
                .startsWith("The search finds more than 1,000 results.");
    }

    private ResponseEntity<String> list(String language) {
        HttpHeaders headers = new HttpHeaders();
        if (language != null) {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        return http.exchange("/api/cases?status=OPEN&assignee=" + assignee, HttpMethod.GET, new HttpEntity<>(headers),
                String.class);
    }

    private List<CaseFile> files(int from, int to) {
        List<CaseFile> files = new ArrayList<>();
        for (int i = from; i < to; i++) {
            CaseFile file = new CaseFile();
            file.id = TestTokens.TENANT + ":" + UUID.randomUUID();
            file.tenant = TestTokens.TENANT;
            file.town = "Velbert";
            file.targetGroup = TargetGroup.NEWLY_ARRIVED;
            file.assignee = assignee;
            file.status = "OPEN";
            file.openedOn = LocalDate.of(2026, 1, 5).plusDays(i % 300);
            files.add(file);
        }
        return files;
    }
}
