package de.kim.cases.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kim.cases.api.CaseClosedEvent;
import de.kim.cases.api.CaseId;
import de.kim.cases.command.CaseAggregate;
import de.kim.cases.web.CaseServiceIntegrationTest;
import de.kim.contracts.vocabulary.CaseOutcome;
import de.kim.platform.domain.Actor;
import de.kim.platform.domain.Role;
import de.kim.platform.testing.TestTokens;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cases commanded last are kept in memory ({@link CaseCache}), but never used once the event
 * store holds more of the case than the cached state: as when a second instance of case-service
 * (the scale-out shape) commanded the case in between.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseCacheIntegrationTest {

    private static final String CASE = """
            {"client":{"givenName":"Jana","familyName":"Erfunden","dateOfBirth":"1988-02-03","nationality":"UKR",
             "town":"Hilden"},"targetGroup":"NEWLY_ARRIVED","accessRoute":"SELF","assignee":"cm-anna"}""";
    private static final String CONTACT = """
            {"contactOn":"2026-11-30","kind":"PHONE","durationMinutes":15,"note":"Rückruf wegen Sprachkurs"}""";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    EventStore events;
    @Autowired
    TransactionManager transactions;

    @BeforeEach
    void signIn() {
        TestTokens.signIn(http, TestTokens.token(TestTokens.TENANT, "cm-anna", Role.CASE_MANAGEMENT_LEAD));
    }

    @Test
    void a_case_changed_behind_the_cache_is_commanded_as_the_event_store_holds_it() throws Exception {
        String id = json.readTree(post(CaseServiceIntegrationTest.OPEN_AGAIN, CASE)
                .getBody()).path("id").asText();
        assertThat(post("/api/cases/" + id + "/contacts", CONTACT).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post("/api/cases/" + id + "/contacts", CONTACT).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        // Another instance closes the case: its event goes into the shared event store, past this instance's cache.
        long last = events.lastSequenceNumberFor(id).orElseThrow();
        transactions.executeInTransaction(() -> events.publish(new GenericDomainEventMessage<>(
                CaseAggregate.class.getSimpleName(), id, last + 1,
                new CaseClosedEvent(new CaseId(id), CaseOutcome.GOALS_REACHED, null, LocalDate.of(2026, 12, 1)),
                MetaData.from(Map.of(Actor.TENANT, TestTokens.TENANT, Actor.USER, "cm-bernd")))));

        ResponseEntity<String> refused = post("/api/cases/" + id + "/contacts", CONTACT);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        JsonNode problem = json.readTree(refused.getBody());
        assertThat(problem.path("detail").asText()).startsWith("Der Fall ist abgeschlossen");
        assertThat(events.lastSequenceNumberFor(id)).contains(last + 1);

        // Reopened here, the case takes contacts again: the refusal left no stale state behind.
        assertThat(post("/api/cases/" + id + "/reopening", "{\"reason\":\"Neue Fragen zum Aufenthalt\"}")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post("/api/cases/" + id + "/contacts", CONTACT).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(events.lastSequenceNumberFor(id)).contains(last + 3);
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }
}
