package de.kim.immigration.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kim.platform.domain.Role;
import de.kim.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The officer finds records by Aktenzeichen, name and date of birth, a page at a time, and never another tenant's. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResidenceRecordSearchIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    MongoTemplate mongo;

    /** A family name no other test run uses, so that searches count only this test's records. */
    private final String family = "Jäger" + letters(8);
    private final String folded = "jaeger" + family.substring(5).toLowerCase();

    @BeforeEach
    void signIn() {
        TestTokens.signIn(http, TestTokens.token(TestTokens.TENANT, "abh-test", Role.IMMIGRATION_OFFICER));
    }

    @Test
    void records_are_found_by_file_number_by_name_prefix_without_umlauts_and_by_date_of_birth_a_page_at_a_time()
            throws Exception {
        String fileNumber = "32.1-ABH " + ThreadLocalRandom.current().nextInt(100_000, 999_999) + "/2019";
        String first = create(family, "Özlem", fileNumber, "1988-07-14");
        List<String> ids = new ArrayList<>(List.of(first, create(family, "Jörg", "ABH-" + letters(6), "1979-01-02"),
                create(family, "Ümit", "ABH-" + letters(6), "1990-12-24")));
        await().atMost(Duration.ofSeconds(20)).until(() -> list("?q=" + folded).path("total").asLong() == 3);

        JsonNode firstPage = list("?q=" + folded.substring(0, 9) + "&size=2");
        JsonNode secondPage = list("?q=" + folded.substring(0, 9) + "&size=2&page=1");
        assertThat(firstPage.path("total").asLong()).isEqualTo(3);
        assertThat(firstPage.path("items")).hasSize(2);
        assertThat(secondPage.path("items")).hasSize(1);
        List<String> paged = new ArrayList<>();
        firstPage.path("items").forEach(item -> paged.add(item.path("recordId").asText()));
        secondPage.path("items").forEach(item -> paged.add(item.path("recordId").asText()));
        assertThat(paged).containsExactlyInAnyOrderElementsOf(ids);
        // By Aktenzeichen unless asked otherwise, either way round; an unknown order is a German 400 naming the known.
        List<String> byNumber = list("?q=" + folded).path("items").findValuesAsText("fileNumber");
        assertThat(byNumber).hasSize(3).isSortedAccordingTo(java.util.Comparator.naturalOrder());
        List<String> backwards = new ArrayList<>(byNumber);
        java.util.Collections.reverse(backwards);
        assertThat(list("?q=" + folded + "&sort=fileNumber,desc").path("items").findValuesAsText("fileNumber"))
                .containsExactlyElementsOf(backwards);
        ResponseEntity<String> sideways = http.getForEntity("/api/residence-records?sort=sideways", String.class);
        assertThat(sideways.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(sideways.getBody()).path("detail").asText())
                .isEqualTo("Sortiert werden kann nach: fileNumber, validUntil, familyName, jeweils mit \",asc\" oder \",desc\".");

        JsonNode byFileNumber = list("?q=" + fileNumber.toLowerCase().replace(" ", "  "));
        assertThat(byFileNumber.path("total").asLong()).isEqualTo(1);
        JsonNode found = byFileNumber.path("items").get(0);
        assertThat(found.path("recordId").asText()).isEqualTo(first);
        assertThat(found.path("fileNumber").asText()).isEqualTo(fileNumber.toUpperCase());
        assertThat(found.path("familyName").asText()).isEqualTo(family);
        assertThat(found.path("givenName").asText()).isEqualTo("Özlem");
        assertThat(list("?q=" + fileNumber.substring(0, 8)).path("total").asLong())
                .as("a part of an Aktenzeichen finds nothing").isZero();

        JsonNode byGivenName = list("?q=" + folded + " oezl");
        assertThat(byGivenName.path("total").asLong()).isEqualTo(1);
        assertThat(byGivenName.path("items").get(0).path("recordId").asText()).isEqualTo(first);
        JsonNode byBirth = list("?q=" + folded + " 14.07.1988");
        assertThat(byBirth.path("items").get(0).path("recordId").asText()).isEqualTo(first);
        assertThat(byBirth.path("total").asLong()).isEqualTo(1);

        HttpHeaders otherTenant = TestTokens.bearer(
                TestTokens.token(TestTokens.OTHER_TENANT, "abh-other", Role.IMMIGRATION_OFFICER));
        JsonNode otherList = json.readTree(http.exchange("/api/residence-records?q=" + folded, HttpMethod.GET,
                new HttpEntity<>(otherTenant), String.class).getBody());
        assertThat(otherList.path("total").asLong()).isZero();
        assertThat(otherList.path("items")).isEmpty();
    }

    @Test
    void an_erased_record_is_found_no_more_and_its_name_and_search_tokens_are_gone() throws Exception {
        String fileNumber = "ABH-" + letters(10);
        String id = create(family, "Anna", fileNumber, "1985-03-03");
        await().atMost(Duration.ofSeconds(20)).until(() -> list("?q=" + fileNumber).path("total").asLong() == 1);
        assertThat(post("/api/residence-records/" + id + "/erasure",
                "{\"ground\":\"LAWFUL_REQUEST\",\"reference\":\"ABH 2026/18\"}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        await().atMost(Duration.ofSeconds(20)).until(() -> list("?q=" + fileNumber).path("total").asLong() == 0);
        assertThat(list("?q=" + folded).path("total").asLong()).isZero();
        JsonNode record = json.readTree(http.getForEntity("/api/residence-records/" + id, String.class).getBody());
        assertThat(record.path("identity").isNull()).isTrue();
        String stored = mongo.getCollection("residence_records").find(new org.bson.Document("_id", id)).first().toJson();
        assertThat(stored).doesNotContain(family.substring(5)).doesNotContain(fileNumber.substring(4))
                .contains("\"searchTokens\": []");
    }

    @Test
    void a_record_without_file_number_or_with_a_bad_azr_number_is_refused_and_a_page_larger_than_200_too()
            throws Exception {
        ResponseEntity<String> noFileNumber = post("/api/residence-records", body(family, "Anna", "", "1985-03-03", null));
        assertThat(noFileNumber.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(noFileNumber.getBody()).path("detail").asText()).isNotBlank();
        assertThat(post("/api/residence-records", body(family, "Anna", "ABH-1", "1985-03-03", "12345"))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<String> tooLarge = http.getForEntity("/api/residence-records?size=201", String.class);
        assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(tooLarge.getBody()).path("detail").asText())
                .isEqualTo("Die Seitengröße muss eine ganze Zahl von 1 bis 200 sein.");
        assertThat(http.getForEntity("/api/residence-records?q=é", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private String create(String familyName, String givenName, String fileNumber, String birth) throws Exception {
        ResponseEntity<String> created = post("/api/residence-records",
                body(familyName, givenName, fileNumber, birth, "123456789012"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(created.getBody()).path("id").asText();
    }

    private String body(String familyName, String givenName, String fileNumber, String birth, String azr) {
        return """
                {"familyName":"%s","givenName":"%s","fileNumber":"%s",%s"dateOfBirth":"%s","nationality":"SYR",
                 "entryDate":"2016-05-02"}""".formatted(familyName, givenName, fileNumber,
                azr == null ? "" : "\"azrNumber\":\"" + azr + "\",", birth);
    }

    private JsonNode list(String query) throws Exception {
        ResponseEntity<String> answer = http.getForEntity("/api/residence-records" + query, String.class);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(answer.getBody());
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8));
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    /** Random lower-case letters, so that the names and file numbers of one test are found by its search alone. */
    static String letters(int count) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < count; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }
}
