package de.kim.partners.command;

import de.kim.contracts.vocabulary.ReferralResult;
import de.kim.contracts.vocabulary.DeclineReason;
import de.kim.partners.api.*;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

/** A partner keeps a client's shared data for the grace period after the referral ended, then it goes. */
class SharedDataGraceSagaTest {

    private static final Map<String, String> CASE_MANAGEMENT = Map.of("tenant", "kreis-mettmann", "actor", "cm-anna");
    private final PartnerId partner = new PartnerId("vhs");
    private final ReferralId referral = new ReferralId("ref-1");
    private SagaTestFixture<SharedDataGraceSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(SharedDataGraceSaga.class);
        fixture.registerResource(new SharedDataGrace(Duration.ofDays(30)));
    }

    @Test
    void a_declined_referral_keeps_the_clients_data_for_the_grace_period() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(new GenericEventMessage<>(new ReferralDeclinedEvent(partner, referral, "case-1",
                        DeclineReason.NO_CAPACITY, null), CASE_MANAGEMENT))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(Duration.ofDays(30), SharedDataGraceSaga.DEADLINE)
                .expectNoDispatchedCommands();
    }

    @Test
    void a_withdrawn_referrals_data_goes_after_the_grace_period() {
        fixture.givenAPublished(new GenericEventMessage<>(new ReferralWithdrawnEvent(partner, referral, "case-1", null,
                        false), CASE_MANAGEMENT))
                .whenTimeElapses(Duration.ofDays(30).plusMinutes(1))
                .expectDeadlinesMet(referral)
                .expectDispatchedCommands(new EraseEndedReferralDataCommand(partner, referral))
                .expectActiveSagas(0);
    }

    @Test
    void a_completed_referrals_data_goes_after_the_grace_period() {
        fixture.givenAPublished(new GenericEventMessage<>(new ReferralCompletedEvent(partner, referral, "case-1",
                        new OfferId("o"), ReferralResult.GOAL_REACHED, null, 0), CASE_MANAGEMENT))
                .whenTimeElapses(Duration.ofDays(30).plusMinutes(1))
                .expectDispatchedCommands(new EraseEndedReferralDataCommand(partner, referral))
                .expectActiveSagas(0);
    }
}
