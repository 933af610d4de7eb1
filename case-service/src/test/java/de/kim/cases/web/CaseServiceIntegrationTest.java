package de.kim.cases.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kim.contracts.Fixtures;
import de.kim.contracts.Topics;
import de.kim.contracts.cases.CaseOpened;
import de.kim.local.EmbeddedInfra;
import de.kim.local.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** case-service on the real parts: its event store, the Kafka broker, the Mongo-wire server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseServiceIntegrationTest {

    static final String VALID_CASE = """
            {"client":{"givenName":"Amina","familyName":"Beispiel","dateOfBirth":"1990-04-12","nationality":"SYR",
             "languages":["ar","de"],"town":"Velbert","contact":{"email":"amina.beispiel@example.org"}},
             "targetGroup":"NEWLY_ARRIVED","accessRoute":"JOBCENTER","assignee":"cm-anna"}""";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfra.shared().springProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_opened_case_answers_201_shows_in_the_case_file_and_is_published_without_personal_data() throws Exception {
        ResponseEntity<String> created = post(VALID_CASE, null);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = json.readTree(created.getBody()).path("id").asText();
        assertThat(created.getHeaders().getLocation()).hasToString(http.getRootUri() + "/api/cases/" + id);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            ResponseEntity<String> file = http.getForEntity("/api/cases/" + id, String.class);
            assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
            JsonNode body = json.readTree(file.getBody());
            assertThat(body.at("/client/familyName").asText()).isEqualTo("Beispiel");
            assertThat(body.path("status").asText()).isEqualTo("OPEN");
            assertThat(body.path("tenant").asText()).isEqualTo("kreis-mettmann");
        });

        ConsumerRecord<String, String> record = awaitRecordWithKey(id);
        JsonNode published = json.readTree(record.value());
        JsonNode fixture = json.readTree(Fixtures.json(CaseOpened.TYPE));
        assertThat(fieldNames(published)).isEqualTo(fieldNames(fixture));
        assertThat(fieldNames(published.path("data"))).isEqualTo(fieldNames(fixture.path("data")));
        assertThat(published.path("type").asText()).isEqualTo("kim.case.CaseOpened");
        assertThat(published.path("version").asInt()).isEqualTo(1);
        assertThat(published.path("source").asText()).isEqualTo("case-service");
        assertThat(published.path("tenant").asText()).isEqualTo("kreis-mettmann");
        assertThat(published.path("actor").asText()).isEqualTo("local-user");
        assertThat(published.path("aggregateId").asText()).isEqualTo(id);
        assertThat(published.path("sequence").asLong()).isZero();
        assertThat(published.at("/data/town").asText()).isEqualTo("Velbert");
        assertThat(record.value()).doesNotContain("Amina", "Beispiel", "1990-04-12", "example.org");
    }

    @Test
    void another_tenants_case_is_not_found() throws Exception {
        String id = json.readTree(post(VALID_CASE, null).getBody()).path("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> http.getForEntity("/api/cases/" + id, String.class)
                .getStatusCode() == HttpStatus.OK);

        HttpHeaders otherTenant = new HttpHeaders();
        otherTenant.set("X-Kim-Tenant", "kreis-musterland");
        ResponseEntity<String> answer = http.exchange("/api/cases/" + id, org.springframework.http.HttpMethod.GET,
                new HttpEntity<>(otherTenant), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.getBody()).doesNotContain("Beispiel");
    }

    @Test
    void bad_input_gets_400_with_problem_details_naming_the_field_and_stores_nothing() throws Exception {
        long eventsBefore = storedEvents();

        assertProblem(post(VALID_CASE.replace("\"familyName\":\"Beispiel\",", ""), null),
                "urn:kim:problem:invalid-input", "client.familyName");
        assertProblem(post(VALID_CASE.replace("1990-04-12", "2990-04-12"), null),
                "urn:kim:problem:invalid-input", "client.dateOfBirth");
        assertProblem(post(VALID_CASE.replace("1990-04-12", "12.04.1990"), null),
                "urn:kim:problem:invalid-input", "client.dateOfBirth");
        assertProblem(post(VALID_CASE.replace("NEWLY_ARRIVED", "NEWCOMERS"), null),
                "urn:kim:problem:invalid-input", "targetGroup");
        assertProblem(post(VALID_CASE.replace("Velbert", "Berlin"), null),
                "urn:kim:problem:invalid-input", "client.town");
        ResponseEntity<String> malformed = post("{\"client\": {", null);
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(malformed.getBody()).path("type").asText()).isEqualTo("urn:kim:problem:malformed-json");

        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void problems_are_german_unless_english_is_asked_for() throws Exception {
        String futureBirth = VALID_CASE.replace("1990-04-12", "2990-04-12");
        assertThat(json.readTree(post(futureBirth, null).getBody()).path("detail").asText())
                .isEqualTo("Das Geburtsdatum liegt in der Zukunft.");
        assertThat(json.readTree(post(futureBirth, "en").getBody()).path("detail").asText())
                .isEqualTo("The date of birth lies in the future.");
    }

    private ResponseEntity<String> post(String body, String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (language != null) {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        return http.postForEntity("/api/cases", new HttpEntity<>(body, headers), String.class);
    }

    private void assertProblem(ResponseEntity<String> response, String type, String field) throws Exception {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.path("type").asText()).isEqualTo(type);
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        assertThat(fields).contains(field);
    }

    private long storedEvents() {
        return jdbc.queryForObject("select count(*) from domainevententry", Long.class);
    }

    private ConsumerRecord<String, String> awaitRecordWithKey(String key) {
        return TopicReader.find(EmbeddedInfra.shared().kafka().bootstrapServers(), Topics.CASE,
                        record -> key.equals(record.key()), Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("no record with key " + key + " on " + Topics.CASE));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
