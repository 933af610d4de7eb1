package de.kim.cases.command;

import de.kim.cases.api.CaseId;
import de.kim.cases.api.HandoverAddedToCaseEvent;
import de.kim.cases.api.HandoverId;
import de.kim.cases.api.HandoverReceivedEvent;
import de.kim.cases.api.HandoverRef;
import de.kim.cases.api.NeedId;
import de.kim.cases.api.ReceiveHandoverCommand;
import de.kim.cases.api.RecordHandoverAddedCommand;
import de.kim.platform.domain.NotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

/** A hand-over is taken in once however often it is delivered, and marked added once. */
class HandoverTest {

    private static final Map<String, String> OFFICE = Map.of("tenant", "kreis-mettmann", "actor", "abh-jonas");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private final HandoverId handoverId = new HandoverId("handover-1");
    private final HandoverRef ref = new HandoverRef("kreis-mettmann", handoverId);
    private final NeedId needId = HandoverIntakeSaga.needIdOf("handover-1");
    private AggregateTestFixture<Handover> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Handover.class);
    }

    @Test
    void a_hand_over_is_taken_in_with_its_codes() {
        fixture.givenNoPriorActivity()
                .when(receive(), OFFICE)
                .expectEvents(received());
    }

    @Test
    void a_redelivered_hand_over_changes_nothing() {
        fixture.given(received())
                .when(receive(), OFFICE)
                .expectNoEvents();
    }

    @Test
    void a_hand_over_already_added_to_a_case_is_not_marked_again() {
        fixture.given(received(), new HandoverAddedToCaseEvent(handoverId, new CaseId("case-1"), needId))
                .when(new RecordHandoverAddedCommand(ref, new CaseId("case-1"), needId), OFFICE)
                .expectNoEvents();
    }

    @Test
    void a_hand_over_is_marked_added_to_the_case_that_took_it() {
        fixture.given(received())
                .when(new RecordHandoverAddedCommand(ref, new CaseId("case-1"), needId), OFFICE)
                .expectEvents(new HandoverAddedToCaseEvent(handoverId, new CaseId("case-1"), needId));
    }

    @Test
    void a_command_for_another_tenants_hand_over_is_refused() {
        fixture.givenNoPriorActivity()
                .when(receive(), Map.of("tenant", "kreis-musterland", "actor", "abh-jonas"))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    private ReceiveHandoverCommand receive() {
        return new ReceiveHandoverCommand(ref, "record-7", "LANGUAGE", "LANGUAGE_LEVEL_MISSING", "AUFENTHG_25B", DAY);
    }

    private HandoverReceivedEvent received() {
        return new HandoverReceivedEvent(handoverId, "kreis-mettmann", "record-7", "LANGUAGE",
                "LANGUAGE_LEVEL_MISSING", "AUFENTHG_25B", DAY);
    }
}
