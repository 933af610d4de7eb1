package de.kim.cases.command;

import de.kim.cases.api.AssessNeedCommand;
import de.kim.cases.api.CaseId;
import de.kim.cases.api.HandoverId;
import de.kim.cases.api.HandoverReceivedEvent;
import de.kim.cases.api.HandoverRef;
import de.kim.contracts.vocabulary.Priority;
import de.kim.cases.api.RecordHandoverAddedCommand;
import de.kim.cases.api.ResidenceRecordLinkedEvent;
import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.platform.domain.ConflictException;
import de.kim.platform.messaging.EventCommandRelay;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A hand-over of the office becomes a need of the open case linked to its record, whichever comes first. */
class HandoverIntakeSagaTest {

    private static final String TENANT = "kreis-mettmann";
    private static final Map<String, String> OFFICE = Map.of("tenant", TENANT, "actor", "abh-jonas");
    private static final Map<String, String> CASE_MANAGEMENT = Map.of("tenant", TENANT, "actor", "cm-anna");
    private static final String RECORD = "record-7";
    private static final LocalDate HANDED_OVER_ON = LocalDate.of(2026, 3, 2);
    /** The need's text in words: the reason and the pathway by their labels, the day as tt.mm.jjjj. */
    private static final String DESCRIPTION = "Übergabe der Ausländerbehörde vom 02.03.2026. Grund: Sprachniveau fehlt noch; "
            + "aufenthaltsrechtlicher Weg: § 25b AufenthG (nachhaltige Integration)";

    private final HandoverId handover = new HandoverId("handover-1");
    /** The links the intake's look-up answers: tenant:record to case ids, the latest first. */
    private final Map<String, List<String>> links = new HashMap<>();
    private final Set<String> closedCases = new HashSet<>();
    private SagaTestFixture<HandoverIntakeSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(HandoverIntakeSaga.class);
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages", "kim-vocabulary");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        fixture.registerResource(messages);
        fixture.registerResource((LinkedCases) (tenant, record) -> links.getOrDefault(tenant + ":" + record, List.of()));
        fixture.registerResource(new EventCommandRelay(DefaultCommandGateway.builder()
                .commandBus(fixture.getCommandBus()).build()));
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof AssessNeedCommand assess && closedCases.contains(assess.caseId().value())) {
                throw new ConflictException("case.closed");
            }
            return null;
        });
    }

    @Test
    void a_hand_over_without_a_linked_case_waits_for_one() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(received("LANGUAGE"))
                .expectActiveSagas(1)
                .expectAssociationWith("residenceRecordId", TENANT + ":" + RECORD)
                .expectNoDispatchedCommands();
    }

    @Test
    void a_hand_over_first_becomes_the_need_of_the_case_linked_later() {
        fixture.givenAPublished(received("LANGUAGE"))
                .whenPublishingA(linked("case-1", TENANT))
                .expectDispatchedCommands(need("case-1"), added("case-1"))
                .expectActiveSagas(0);
    }

    @Test
    void a_case_linked_first_takes_the_hand_over_when_it_arrives() {
        link("case-1");
        fixture.givenNoPriorActivity()
                .whenPublishingA(received("LANGUAGE"))
                .expectDispatchedCommands(need("case-1"), added("case-1"))
                .expectActiveSagas(0);
    }

    @Test
    void of_several_linked_cases_the_latest_open_one_takes_the_hand_over() {
        link("case-old");
        link("case-closed");
        closedCases.add("case-closed");
        fixture.givenNoPriorActivity()
                .whenPublishingA(received("LANGUAGE"))
                .expectDispatchedCommands(need("case-closed"), need("case-old"), added("case-old"))
                .expectActiveSagas(0);
    }

    @Test
    void a_closed_case_keeps_the_hand_over_open() {
        link("case-closed");
        closedCases.add("case-closed");
        fixture.givenNoPriorActivity()
                .whenPublishingA(received("LANGUAGE"))
                .expectDispatchedCommands(need("case-closed"))
                .expectActiveSagas(1);
    }

    @Test
    void a_hand_over_a_closed_case_refused_goes_to_the_next_case_linked() {
        link("case-closed");
        closedCases.add("case-closed");
        fixture.givenAPublished(received("LANGUAGE"))
                .whenPublishingA(linked("case-2", TENANT))
                .expectDispatchedCommands(need("case-2"), added("case-2"))
                .expectActiveSagas(0);
    }

    @Test
    void a_need_a_repeat_finds_already_added_counts_as_done() {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof AssessNeedCommand) {
                throw new ConflictException("case.need.exists");
            }
            return null;
        });
        link("case-1");
        fixture.givenNoPriorActivity()
                .whenPublishingA(received("LANGUAGE"))
                .expectDispatchedCommands(need("case-1"), added("case-1"))
                .expectActiveSagas(0);
    }

    @Test
    void once_added_a_further_link_to_the_record_changes_nothing() {
        fixture.givenAPublished(received("LANGUAGE"))
                .andThenAPublished(linked("case-1", TENANT))
                .whenPublishingA(linked("case-2", TENANT))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void an_unknown_field_of_action_keeps_the_hand_over_open() {
        link("case-1");
        fixture.givenNoPriorActivity()
                .whenPublishingA(received("SPACE_TRAVEL"))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void a_case_of_another_tenant_linked_to_the_same_record_id_takes_nothing() {
        fixture.givenAPublished(received("LANGUAGE"))
                .whenPublishingA(linked("case-9", "kreis-musterland"))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    private void link(String caseId) {
        links.computeIfAbsent(TENANT + ":" + RECORD, key -> new ArrayList<>()).add(0, caseId);
    }

    private GenericEventMessage<HandoverReceivedEvent> received(String fieldOfAction) {
        return new GenericEventMessage<>(new HandoverReceivedEvent(handover, TENANT, RECORD, fieldOfAction,
                "LANGUAGE_LEVEL_MISSING", "AUFENTHG_25B", HANDED_OVER_ON), OFFICE);
    }

    private static GenericEventMessage<ResidenceRecordLinkedEvent> linked(String caseId, String tenant) {
        return new GenericEventMessage<>(new ResidenceRecordLinkedEvent(new CaseId(caseId), RECORD),
                Map.of("tenant", tenant, "actor", "cm-anna"));
    }

    private AssessNeedCommand need(String caseId) {
        return new AssessNeedCommand(new CaseId(caseId), HandoverIntakeSaga.needIdOf(handover.value()),
                FieldOfAction.LANGUAGE, Priority.HIGH, DESCRIPTION, null);
    }

    private RecordHandoverAddedCommand added(String caseId) {
        return new RecordHandoverAddedCommand(new HandoverRef(TENANT, handover), new CaseId(caseId),
                HandoverIntakeSaga.needIdOf(handover.value()));
    }
}
