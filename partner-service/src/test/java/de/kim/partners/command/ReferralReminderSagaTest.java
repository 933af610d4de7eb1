package de.kim.partners.command;

import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.partners.api.*;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/** The reminder on an unanswered referral, with its deadline asserted. */
class ReferralReminderSagaTest {

    private final PartnerId partner = new PartnerId("vhs");
    private final ReferralId referral = new ReferralId("ref-1");
    private SagaTestFixture<ReferralReminderSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(ReferralReminderSaga.class);
        fixture.registerResource(new ReminderPolicy(5));
    }

    private GenericEventMessage<ReferralReceivedEvent> received() {
        return new GenericEventMessage<>(new ReferralReceivedEvent(partner, referral, "case-1", new OfferId("o"),
                FieldOfAction.LANGUAGE, "c", Set.of(), null, null, LocalDate.of(2026, 11, 2)),
                Map.of("tenant", "kreis-mettmann", "actor", "cm-anna"));
    }

    @Test
    void a_received_referral_is_due_for_a_reminder_after_the_agreed_days() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(received())
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(Duration.ofDays(5), ReferralReminderSaga.DEADLINE);
    }

    @Test
    void an_answer_in_time_cancels_the_reminder() {
        fixture.givenAPublished(received())
                .whenAggregate(partner.value())
                .publishes(new ReferralAcceptedEvent(partner, referral, "case-1", new OfferId("o"), false, 1))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void no_answer_in_time_raises_the_reminder() {
        fixture.givenAPublished(received())
                .whenTimeElapses(Duration.ofDays(5).plusMinutes(1))
                .expectDeadlinesMet(referral)
                .expectDispatchedCommands(new RemindReferralCommand(partner, referral, 5))
                .expectActiveSagas(0);
    }
}
