package de.kim.cases.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kim.contracts.vocabulary.TargetGroup;
import de.kim.cases.query.CaseFile;
import de.kim.cases.query.FollowUpEntry;
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
 * The case list pages on the server: a page of at most 200 cases with the total that match, filters
 * by status, town, case manager, target group and due follow-ups, sorted as asked; bad paging is a
 * German 400. Invented case files, written to the read model; one case manager's of its own per test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseListPagingIntegrationTest {

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

    private final String assignee = "cm-paged-" + UUID.randomUUID();
    private final LocalDate firstDay = LocalDate.of(2026, 1, 5);

    @BeforeEach
    void signIn() {
        TestTokens.signIn(http, TestTokens.token(TestTokens.TENANT, "cm-lead", Role.CASE_MANAGEMENT_LEAD));
    }

    @AfterEach
    void removeTheFiles() {
        mongo.remove(Query.query(Criteria.where("assignee").is(assignee)), CaseFile.class);
    }

    @Test
    void one_thousand_and_one_open_cases_come_fifty_a_page_newest_first_with_their_total() throws Exception {
        mongo.insert(files(1_001), CaseFile.class);

        JsonNode first = page("status=OPEN");
        assertThat(first.path("total").asLong()).isEqualTo(1_001);
        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("size").asInt()).isEqualTo(50);
        assertThat(first.path("items")).hasSize(50);
        // The latest day is that of the 300th, 600th and 900th file; of these the highest case number leads.
        assertThat(first.at("/items/0/openedOn").asText()).isEqualTo(firstDay.plusDays(299).toString());
        assertThat(first.at("/items/0/caseNumber").asText()).isEqualTo("KIM-2026-00900");

        JsonNode last = page("status=OPEN&page=20");
        assertThat(last.path("items")).hasSize(1);
        assertThat(last.path("total").asLong()).isEqualTo(1_001);
        assertThat(page("status=OPEN&size=200").path("items")).hasSize(200);

        JsonNode byNumber = page("sort=caseNumber,asc&size=3");
        assertThat(byNumber.path("items").findValuesAsText("caseNumber"))
                .containsExactly("KIM-2026-00001", "KIM-2026-00002", "KIM-2026-00003");
        JsonNode oldest = page("sort=openedOn,asc&size=1");
        assertThat(oldest.at("/items/0/openedOn").asText()).isEqualTo(firstDay.toString());
    }

    @Test
    void the_list_filters_by_town_target_group_status_and_follow_ups_due_on_the_server() throws Exception {
        List<CaseFile> files = files(12);
        files.get(0).town = "Hilden";
        files.get(1).town = "Hilden";
        files.get(1).targetGroup = TargetGroup.FAMILIES;
        files.get(2).status = "CLOSED";
        files.get(3).followUps.add(new CaseFile.FollowUp("f-1", firstDay.plusDays(10), "", assignee, null));
        files.get(4).followUps.add(new CaseFile.FollowUp("f-2", firstDay.plusDays(10), "", assignee, firstDay));
        files.get(5).followUps.add(new CaseFile.FollowUp("f-3", firstDay.plusDays(40), "", assignee, null));
        mongo.insert(files, CaseFile.class);

        assertThat(ids(page("town=Hilden"))).containsExactlyInAnyOrder(files.get(0).id, files.get(1).id);
        assertThat(ids(page("town=Hilden&targetGroup=FAMILIES"))).containsExactly(files.get(1).id);
        assertThat(ids(page("status=CLOSED"))).containsExactly(files.get(2).id);
        assertThat(page("status=OPEN").path("total").asLong()).isEqualTo(11);
        assertThat(ids(page("followUpDueBy=" + firstDay.plusDays(20)))).containsExactly(files.get(3).id);
    }

    @Test
    void a_case_manager_pages_through_their_own_cases_only_whatever_assignee_they_name() throws Exception {
        mongo.insert(files(3), CaseFile.class);
        TestTokens.signIn(http, TestTokens.token(TestTokens.TENANT, "cm-someone-else", Role.CASE_MANAGER));

        assertThat(page("").path("total").asLong()).isZero();
    }

    @Test
    void the_lead_reads_the_follow_ups_due_of_everyone_or_of_one_colleague() throws Exception {
        String colleague = assignee + "-2";
        mongo.insert(List.of(
                new FollowUpEntry(assignee + "-f1", TestTokens.TENANT, "case-a", "KIM-2026-09001", "f1", firstDay, "", assignee, null),
                new FollowUpEntry(assignee + "-f2", TestTokens.TENANT, "case-b", "KIM-2026-09002", "f2", firstDay, "", colleague, null)),
                FollowUpEntry.class);
        try {
            String due = "/api/follow-ups?size=200&dueBy=" + firstDay + "&assignee=";
            assertThat(json.readTree(http.getForObject(due, String.class)).path("items").findValuesAsText("assignee"))
                    .as("an empty choice is everyone's").contains(assignee, colleague);
            assertThat(json.readTree(http.getForObject(due + colleague, String.class)).path("items").findValuesAsText("assignee"))
                    .containsOnly(colleague);
        } finally {
            mongo.remove(Query.query(Criteria.where("assignee").in(assignee, colleague)), FollowUpEntry.class);
        }
    }

    @Test
    void bad_paging_is_answered_400_in_german_naming_the_parameter() throws Exception {
        assertBadParameter("size=201", "size", "Die Seitengröße muss eine ganze Zahl von 1 bis 200 sein.");
        assertBadParameter("size=0", "size", "Die Seitengröße muss eine ganze Zahl von 1 bis 200 sein.");
        assertBadParameter("page=-1", "page", "Die Seite muss eine ganze Zahl ab 0 sein (höchstens 100.000).");
        assertBadParameter("page=zwei", "page", "Die Seite muss eine ganze Zahl ab 0 sein (höchstens 100.000).");
        assertBadParameter("sort=familyName", "sort", "Sortiert werden kann nach: openedOn, caseNumber, status, town, "
                + "targetGroup, jeweils mit \",asc\" oder \",desc\".");
        assertBadParameter("sort=openedOn,sideways", "sort", null);
        assertBadParameter("targetGroup=NOBODY", "targetGroup", "Diese Zielgruppe gibt es nicht.");
        assertBadParameter("followUpDueBy=morgen", "followUpDueBy", null);
        ResponseEntity<String> followUps = http.exchange("/api/follow-ups?size=500", HttpMethod.GET, HttpEntity.EMPTY,
                String.class);
        assertThat(followUps.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private void assertBadParameter(String query, String field, String detail) throws Exception {
        ResponseEntity<String> answer = http.exchange("/api/cases?" + query, HttpMethod.GET, HttpEntity.EMPTY, String.class);
        assertThat(answer.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode problem = json.readTree(answer.getBody());
        assertThat(problem.at("/errors/0/field").asText()).as(query).isEqualTo(field);
        if (detail != null) {
            assertThat(problem.path("detail").asText()).as(query).isEqualTo(detail);
        }
    }

    private JsonNode page(String query) throws Exception {
        ResponseEntity<String> answer = http.exchange("/api/cases?assignee=" + assignee + "&" + query, HttpMethod.GET,
                HttpEntity.EMPTY, String.class);
        assertThat(answer.getStatusCode()).as(query).isEqualTo(HttpStatus.OK);
        return json.readTree(answer.getBody());
    }

    private static List<String> ids(JsonNode page) {
        return page.path("items").findValuesAsText("id");
    }

    private List<CaseFile> files(int count) {
        List<CaseFile> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CaseFile file = new CaseFile();
            file.id = UUID.randomUUID().toString();
            file.caseNumber = "KIM-2026-%05d".formatted(i + 1);
            file.tenant = TestTokens.TENANT;
            file.town = "Velbert";
            file.targetGroup = TargetGroup.NEWLY_ARRIVED;
            file.assignee = assignee;
            file.status = "OPEN";
            file.openedOn = firstDay.plusDays(i % 300);
            files.add(file);
        }
        return files;
    }
}
