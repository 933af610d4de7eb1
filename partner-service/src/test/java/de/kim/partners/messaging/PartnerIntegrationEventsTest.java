package de.kim.partners.messaging;

import de.kim.contracts.vocabulary.PartnerKind;
import de.kim.contracts.vocabulary.ReferralResult;
import de.kim.contracts.vocabulary.DeclineReason;
import de.kim.platform.privacy.Sealed;
import de.kim.contracts.Contracts;
import de.kim.contracts.Topics;
import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.contracts.vocabulary.LegalDomain;
import de.kim.partners.api.*;
import de.kim.platform.messaging.IntegrationEvent;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static de.kim.platform.testing.ContractAssertions.assertMatchesFixture;
import static org.assertj.core.api.Assertions.assertThat;

/** The publisher's contract test of partner-service: every event it emits has its pinned shape. */
class PartnerIntegrationEventsTest {

    private static final PartnerId P = new PartnerId("p");
    private static final OfferId O = new OfferId("o");
    private static final ReferralId R = new ReferralId("r");

    private final PartnerIntegrationEvents mapper = new PartnerIntegrationEvents();

    private final List<Object> published = List.of(
            new PartnerRegisteredEvent(P, "kreis-mettmann", "VHS", PartnerKind.LANGUAGE_COURSE_PROVIDER,
                    Set.of(LegalDomain.AUFENTHG), Set.of(FieldOfAction.LANGUAGE), Set.of("Velbert"), null, null),
            new PartnerDeactivatedEvent(P, "Ende"),
            new OfferPublishedEvent(P, O, "B1", FieldOfAction.LANGUAGE, Set.of("de"), "Velbert", false, Set.of(), 10),
            new OfferWithdrawnEvent(P, O),
            new ReferralAcceptedEvent(P, R, "case-1", O, false, 1),
            new ReferralDeclinedEvent(P, R, "case-1", DeclineReason.NO_CAPACITY, null),
            new ReferralCompletedEvent(P, R, "case-1", O, ReferralResult.GOAL_REACHED, null, 0),
            new ReferralReminderRaisedEvent(P, R, "case-1", 5));

    @Test
    void every_published_partner_event_has_the_shape_of_its_fixture() {
        for (Object event : published) {
            IntegrationEvent integration = mapper.map(event).orElseThrow(() -> new AssertionError(event + " not published"));
            assertMatchesFixture(integration);
        }
        assertThat(published.stream().map(e -> mapper.map(e).orElseThrow().type()).distinct())
                .containsExactlyInAnyOrderElementsOf(Contracts.ALL.stream()
                        .filter(c -> c.topic().equals(Topics.PARTNER)).map(Contracts.Contract::type).toList());
    }

    @Test
    void a_referral_that_could_not_be_received_reaches_the_case_as_declined() {
        IntegrationEvent refused = mapper.map(new ReferralRefusedEvent(P, R, "case-1", DeclineReason.PARTNER_INACTIVE))
                .orElseThrow();
        assertThat(refused.type().name()).isEqualTo("kim.partner.ReferralDeclined");
        assertThat(refused.data().toString()).contains("PARTNER_INACTIVE");
    }

    @Test
    void client_data_never_leaves_partner_service() {
        Sealed client = new Sealed("case-1", "q83vEjRWeJASNFZ4kBI0VniQEjRWeJASNFZ4kBI0Vng=");
        assertThat(mapper.map(new ReferralReceivedEvent(P, R, "case-1", O, FieldOfAction.LANGUAGE, "c", Set.of(),
                client, null, LocalDate.of(2026, 11, 2)))).isEmpty();
    }
}
