package de.kim.cases.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kim.platform.domain.Role;
import de.kim.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Finding a case by Aktenzeichen, by the beginning of a name (case, umlauts and accents folded) or by
 * date of birth, through the blind index, within what the user may see; and the warning before the
 * same person is opened twice. Invented people with a random part in their names, so that no other
 * test's case is found.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseSearchAndDuplicatesIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    private final Random random = new Random();
    private final String family = "Grün" + letters(6);
    private final String given = "Zoë" + letters(5);
    private final LocalDate born = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(7_000));
    private final String lead = TestTokens.token(TestTokens.TENANT, "cm-lead", Role.CASE_MANAGEMENT_LEAD);
    private final String anna = TestTokens.token(TestTokens.TENANT, "cm-anna", Role.CASE_MANAGER);
    private final String otherLead = TestTokens.token(TestTokens.OTHER_TENANT, "cm-lead", Role.CASE_MANAGEMENT_LEAD);

    private String annasCase;
    private String bertsCase;
    private String otherTenantsCase;

    @BeforeAll
    void openTheCases() throws Exception {
        annasCase = id(open(lead, body(family, given, born, "Velbert", "cm-anna"), false));
        bertsCase = id(open(lead, body(family, "Ali", born.plusDays(1), "Hilden", "cm-bert"), false));
        otherTenantsCase = id(open(otherLead, body(family, given, born, "Musterstadt", "cm-lead"), false));
        await().atMost(Duration.ofSeconds(30)).until(() -> found(lead, family).size() == 2
                && found(otherLead, family).size() == 1);
    }

    @Test
    void a_name_is_found_by_any_beginning_of_two_letters_or_more_whatever_its_case_umlauts_and_accents() throws Exception {
        String rest = family.substring(4).toLowerCase();
        for (String search : List.of("gruen" + rest, "GRÜN" + rest.substring(0, 2), "Grü", family.toUpperCase())) {
            assertThat(found(lead, search)).as(search).contains(annasCase, bertsCase);
        }
        assertThat(found(lead, "gruen" + rest)).containsExactlyInAnyOrder(annasCase, bertsCase);
        assertThat(found(lead, "zoe" + given.substring(3, 6).toLowerCase())).containsExactly(annasCase);
        assertThat(found(lead, "gruen" + rest + " ali")).containsExactly(bertsCase);
        assertThat(found(lead, "gruen" + rest + "x")).isEmpty();
    }

    @Test
    void a_date_of_birth_is_found_written_the_german_way_or_as_iso() throws Exception {
        assertThat(found(lead, born.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")))).contains(annasCase)
                .doesNotContain(bertsCase);
        assertThat(found(lead, born.toString() + " " + family)).containsExactly(annasCase);
    }

    @Test
    void a_case_has_an_aktenzeichen_of_its_year_shown_in_the_list_and_file_and_found_by_it() throws Exception {
        JsonNode file = json.readTree(get(lead, "/api/cases/" + annasCase).getBody());
        String number = file.path("caseNumber").asText();
        assertThat(number).matches("KIM-" + LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).getYear() + "-\\d{5}");
        assertThat(found(lead, number)).containsExactly(annasCase);
        assertThat(found(lead, number.toLowerCase())).containsExactly(annasCase);
        JsonNode line = json.readTree(get(lead, "/api/cases?q=" + number).getBody()).at("/items/0");
        assertThat(line.path("caseNumber").asText()).isEqualTo(number);
        assertThat(json.readTree(get(lead, "/api/cases/" + bertsCase).getBody()).path("caseNumber").asText())
                .isNotEqualTo(number);
    }

    @Test
    void cases_opened_at_the_same_time_get_different_numbers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> opened = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String name = letters(8);
                opened.add(pool.submit(() -> id(open(lead, body(name, "Parallel", born, "Velbert", "cm-lead"), false))));
            }
            Set<String> numbers = new HashSet<>();
            for (Future<String> id : opened) {
                String caseId = id.get();
                await().atMost(Duration.ofSeconds(30)).until(() -> get(lead, "/api/cases/" + caseId).getStatusCode()
                        == HttpStatus.OK);
                numbers.add(json.readTree(get(lead, "/api/cases/" + caseId).getBody()).path("caseNumber").asText());
            }
            assertThat(numbers).hasSize(12);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void the_search_finds_only_what_the_user_may_see() throws Exception {
        assertThat(found(anna, family)).containsExactly(annasCase);
        assertThat(found(otherLead, family)).containsExactly(otherTenantsCase);
        assertThat(found(lead, family)).doesNotContain(otherTenantsCase);
    }

    @Test
    void a_search_word_of_one_letter_is_answered_400_in_german() throws Exception {
        ResponseEntity<String> answer = get(lead, "/api/cases?q=G");
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(answer.getBody()).path("detail").asText())
                .isEqualTo("Jedes Suchwort braucht mindestens zwei Buchstaben oder Ziffern.");
        assertThat(get(lead, "/api/cases?q=31.02.1990").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void opening_the_same_person_again_warns_with_the_open_case_and_opens_once_confirmed() throws Exception {
        String twiceFamily = "Düwel" + letters(6);
        String first = id(open(lead, body(twiceFamily, "Léa", born, "Velbert", "cm-anna"), false));
        await().atMost(Duration.ofSeconds(30)).until(() -> found(lead, twiceFamily).size() == 1);

        ResponseEntity<String> again = open(anna, body(twiceFamily.toUpperCase(), "LEA", born, "Velbert", "cm-anna"),
                false);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode problem = json.readTree(again.getBody());
        assertThat(problem.path("type").asText()).isEqualTo("urn:kim:problem:possible-duplicate");
        assertThat(problem.path("detail").asText()).startsWith("Für diese Person");
        assertThat(problem.path("duplicates").findValuesAsText("id")).containsExactly(first);
        assertThat(problem.at("/duplicates/0/caseNumber").asText()).startsWith("KIM-");
        assertThat(problem.at("/duplicates/0/href").asText()).isEqualTo("/api/cases/" + first);
        assertThat(problem.has("elsewhere")).isFalse();
        assertThat(found(lead, twiceFamily)).as("nothing opened on the warning").containsExactly(first);

        String second = id(open(anna, body(twiceFamily, "Léa", born, "Velbert", "cm-anna"), true));
        await().atMost(Duration.ofSeconds(30)).until(() -> found(lead, twiceFamily).size() == 2);
        assertThat(found(lead, twiceFamily)).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void another_case_managers_open_case_of_the_person_is_named_without_details() throws Exception {
        ResponseEntity<String> again = open(anna, body(family, "Ali", born.plusDays(1), "Hilden", "cm-anna"), false);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        JsonNode problem = json.readTree(again.getBody());
        assertThat(problem.path("duplicates")).isEmpty();
        assertThat(problem.path("elsewhere").asText()).contains("anderen Fallmanager");
        assertThat(again.getBody()).doesNotContain(bertsCase, "cm-bert");
    }

    private List<String> found(String token, String search) throws Exception {
        ResponseEntity<String> answer = get(token, "/api/cases?size=200&q=" + search.replace(" ", "+"));
        assertThat(answer.getStatusCode()).as(search).isEqualTo(HttpStatus.OK);
        return json.readTree(answer.getBody()).path("items").findValuesAsText("id");
    }

    private ResponseEntity<String> get(String token, String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(TestTokens.bearer(token)), String.class);
    }

    private ResponseEntity<String> open(String token, String body, boolean confirm) {
        HttpHeaders headers = TestTokens.bearer(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange("/api/cases" + (confirm ? "?confirmDuplicate=true" : ""), HttpMethod.POST,
                new HttpEntity<>(body, headers), String.class);
    }

    private String id(ResponseEntity<String> created) throws Exception {
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(created.getBody()).path("id").asText();
    }

    private static String body(String familyName, String givenName, LocalDate dateOfBirth, String town, String assignee) {
        return """
                {"client":{"givenName":"%s","familyName":"%s","dateOfBirth":"%s","nationality":"SYR","town":"%s"},
                 "targetGroup":"NEWLY_ARRIVED","accessRoute":"SELF","assignee":"%s"}"""
                .formatted(givenName, familyName, dateOfBirth, town, assignee);
    }

    private String letters(int count) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < count; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        return letters.toString();
    }
}
