package de.kim.partners.command;

import de.kim.contracts.vocabulary.PartnerKind;
import de.kim.contracts.vocabulary.ReferralResult;
import de.kim.contracts.vocabulary.DeclineReason;
import org.axonframework.commandhandling.GenericCommandMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import de.kim.platform.privacy.Sealed;
import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.contracts.vocabulary.LegalDomain;
import de.kim.partners.api.*;
import de.kim.platform.config.TenantDirectory;
import de.kim.platform.domain.ConflictException;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.domain.RuleViolationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import de.kim.platform.privacy.PersonalDataVault;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules of a partner, its offers and its inbox, one test each. */
class PartnerAggregateTest {

    private static final Map<String, String> METTMANN = Map.of("tenant", "kreis-mettmann", "actor", "ps-vhs");
    private final PartnerId partner = new PartnerId("vhs");
    private final OfferId offer = new OfferId("b1-kurs");
    private final ReferralId referral = new ReferralId("ref-1");
    /** The client data as the partner receives it: sealed with the client's key. */
    private final Sealed client = new Sealed("case-1", "q83vEjRWeJASNFZ4kBI0VniQEjRWeJASNFZ4kBI0Vng=");
    private final PersonalDataVault vault = new PersonalDataVault(new JdbcTemplate(new DriverManagerDataSource(
            "jdbc:h2:mem:vault-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")),
            JsonMapper.builder().findAndAddModules().build(), Clock.systemUTC());
    private AggregateTestFixture<PartnerAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PartnerAggregate.class);
        fixture.registerCommandTargetResolver(new PartnerCommandTargets());
        fixture.registerInjectableResource(new TenantDirectory(Map.of("kreis-mettmann",
                new TenantDirectory.Tenant("Kreis Mettmann", List.of("Velbert", "Hilden")))));
        fixture.registerInjectableResource(vault);
    }

    private PartnerRegisteredEvent registered() {
        return new PartnerRegisteredEvent(partner, "kreis-mettmann", "VHS Velbert", PartnerKind.LANGUAGE_COURSE_PROVIDER,
                Set.of(LegalDomain.AUFENTHG), Set.of(FieldOfAction.LANGUAGE), Set.of("Velbert"), null, null);
    }

    private OfferPublishedEvent published(int capacity) {
        return new OfferPublishedEvent(partner, offer, "Deutsch B1", FieldOfAction.LANGUAGE, Set.of("de"), "Velbert",
                false, Set.of(), capacity);
    }

    private ReferralReceivedEvent received(ReferralId id) {
        return new ReferralReceivedEvent(partner, id, "case-1", offer, FieldOfAction.LANGUAGE, "consent-1",
                Set.of("IDENTITY"), client, null, LocalDate.of(2026, 11, 2));
    }

    private ReceiveReferralCommand receive(ReferralId id) {
        return new ReceiveReferralCommand(partner, id, "case-1", offer, FieldOfAction.LANGUAGE, "consent-1",
                Set.of("IDENTITY"), client, null, LocalDate.of(2026, 11, 2));
    }

    @Test
    void a_partner_serves_only_towns_of_the_kommune() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPartnerCommand(partner, "VHS", PartnerKind.LANGUAGE_COURSE_PROVIDER,
                        Set.of(LegalDomain.AUFENTHG), Set.of(FieldOfAction.LANGUAGE), Set.of("Köln"), null, null), METTMANN)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void a_deactivated_partner_publishes_no_offers() {
        fixture.given(registered(), new PartnerDeactivatedEvent(partner, "Vertrag beendet"))
                .when(new PublishOfferCommand(partner, offer, "Deutsch B1", FieldOfAction.LANGUAGE, Set.of(), "Velbert",
                        false, Set.of(), 10), METTMANN)
                .expectException(RuleViolationException.class).expectNoEvents();
    }

    @Test
    void capacity_cannot_be_negative() {
        fixture.given(registered(), published(10))
                .when(new ChangeOfferCapacityCommand(partner, offer, -1), METTMANN)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void the_same_referral_delivered_twice_is_received_once() {
        fixture.given(registered(), published(10), received(referral))
                .when(receive(referral), METTMANN)
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void a_referral_for_a_deactivated_partner_is_refused_back_to_the_case() {
        fixture.given(registered(), published(10), new PartnerDeactivatedEvent(partner, "Vertrag beendet"))
                .when(receive(referral), METTMANN)
                .expectEvents(new ReferralRefusedEvent(partner, referral, "case-1", DeclineReason.PARTNER_INACTIVE));
    }

    @Test
    void accepting_takes_a_place() {
        fixture.given(registered(), published(10), received(referral))
                .when(new AcceptReferralCommand(partner, referral, false), METTMANN)
                .expectEvents(new ReferralAcceptedEvent(partner, referral, "case-1", offer, false, 1));
    }

    @Test
    void accepting_beyond_capacity_is_refused_unless_overridden() {
        ReferralId second = new ReferralId("ref-2");
        fixture.given(registered(), published(1), received(referral),
                        new ReferralAcceptedEvent(partner, referral, "case-1", offer, false, 1), received(second))
                .when(new AcceptReferralCommand(partner, second, false), METTMANN)
                .expectException(ConflictException.class).expectNoEvents();
        fixture.given(registered(), published(1), received(referral),
                        new ReferralAcceptedEvent(partner, referral, "case-1", offer, false, 1), received(second))
                .when(new AcceptReferralCommand(partner, second, true), METTMANN)
                .expectEvents(new ReferralAcceptedEvent(partner, second, "case-1", offer, true, 2));
    }

    @Test
    void an_answered_referral_cannot_be_answered_again() {
        fixture.given(registered(), published(10), received(referral),
                        new ReferralDeclinedEvent(partner, referral, "case-1", DeclineReason.NOT_ELIGIBLE, null))
                .when(new AcceptReferralCommand(partner, referral, false), METTMANN)
                .expectException(ConflictException.class).expectNoEvents();
    }

    @Test
    void completing_frees_the_place() {
        fixture.given(registered(), published(1), received(referral),
                        new ReferralAcceptedEvent(partner, referral, "case-1", offer, false, 1))
                .when(new CompleteReferralCommand(partner, referral, ReferralResult.GOAL_REACHED, "B1 bestanden"), METTMANN)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(sealedAs(ReferralCompletedEvent.class, done ->
                                done.equals(new ReferralCompletedEvent(partner, referral, "case-1", offer,
                                        ReferralResult.GOAL_REACHED, done.comment(), 0))
                                        && opened(done.comment()).equals("B1 bestanden")),
                        andNoMore())));
    }

    @Test
    void a_decline_comment_is_sealed_with_the_clients_key() {
        fixture.given(registered(), published(10), received(referral))
                .when(new DeclineReferralCommand(partner, referral, DeclineReason.CLIENT_NOT_REACHED,
                        "Frau B. war dreimal nicht erreichbar"), METTMANN)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(sealedAs(ReferralDeclinedEvent.class, declined ->
                                declined.equals(new ReferralDeclinedEvent(partner, referral, "case-1",
                                        DeclineReason.CLIENT_NOT_REACHED, declined.comment()))
                                        && declined.comment().subject().equals("case-1")
                                        && !declined.comment().data().contains("erreichbar")
                                        && opened(declined.comment()).equals("Frau B. war dreimal nicht erreichbar")),
                        andNoMore())));
    }

    @Test
    void a_withdrawals_reason_is_sealed_with_the_clients_key() {
        fixture.given(registered(), published(10), received(referral),
                        new ReferralAcceptedEvent(partner, referral, "case-1", offer, false, 1))
                .when(new WithdrawReferralCommand(partner, referral, "Klientin ist verzogen"), METTMANN)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(sealedAs(ReferralWithdrawnEvent.class, withdrawn ->
                                withdrawn.placeFreed() && withdrawn.caseId().equals("case-1")
                                        && opened(withdrawn.reason()).equals("Klientin ist verzogen")),
                        andNoMore())));
    }

    @Test
    void no_comment_is_no_seal() {
        fixture.given(registered(), published(10), received(referral))
                .when(new DeclineReferralCommand(partner, referral, DeclineReason.NO_CAPACITY, " "), METTMANN)
                .expectEvents(new ReferralDeclinedEvent(partner, referral, "case-1", DeclineReason.NO_CAPACITY, null));
    }

    @Test
    void a_comment_on_an_erased_client_is_not_kept() {
        vault.seal("kreis-mettmann", "case-1", "the client's data, before the erasure");
        vault.shred("kreis-mettmann", "case-1");
        fixture.given(registered(), published(10), received(referral))
                .when(new DeclineReferralCommand(partner, referral, DeclineReason.CLIENT_DECLINED, "kein Interesse"),
                        METTMANN)
                .expectEvents(new ReferralDeclinedEvent(partner, referral, "case-1", DeclineReason.CLIENT_DECLINED, null));
    }

    @Test
    void a_sealed_comment_is_unreadable_once_the_clients_key_is_shredded() {
        Sealed comment = vault.seal("kreis-mettmann", "case-1", "Frau B. war dreimal nicht erreichbar");
        vault.shred("kreis-mettmann", "case-1");
        assertThat(vault.open("kreis-mettmann", comment, String.class)).isEmpty();
    }

    private String opened(Sealed text) {
        return vault.open("kreis-mettmann", text, String.class).orElseThrow();
    }

    /** An event of the type whose sealed parts, opened with the vault, are what the check expects. */
    private static <T> Matcher<Object> sealedAs(Class<T> type, Predicate<T> check) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return type.isInstance(item) && check.test(type.cast(item));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + type.getSimpleName() + " with the expected sealed content");
            }
        };
    }

    @Test
    void only_an_accepted_referral_can_be_completed() {
        fixture.given(registered(), published(10), received(referral))
                .when(new CompleteReferralCommand(partner, referral, ReferralResult.GOAL_REACHED, null), METTMANN)
                .expectException(ConflictException.class).expectNoEvents();
    }

    @Test
    void a_revoked_consent_erases_the_client_data_received_under_it() {
        fixture.given(registered(), published(10), received(referral))
                .when(new EraseSharedClientDataCommand(partner, "case-1", "consent-1"), METTMANN)
                .expectEvents(new SharedClientDataErasedEvent(partner, "case-1", "consent-1", List.of(referral)));
    }

    @Test
    void a_partner_id_names_a_partner_within_the_tenant_another_tenant_reaches_its_own() {
        PartnerCommandTargets targets = new PartnerCommandTargets();
        AcceptReferralCommand accept = new AcceptReferralCommand(partner, referral, false);

        assertThat(targets.resolveTarget(GenericCommandMessage.asCommandMessage(accept).andMetaData(METTMANN))
                .getIdentifier()).isEqualTo("kreis-mettmann:vhs");
        assertThat(targets.resolveTarget(GenericCommandMessage.asCommandMessage(accept)
                .andMetaData(Map.of("tenant", "kreis-musterland", "actor", "x"))).getIdentifier())
                .isEqualTo("kreis-musterland:vhs");
    }

    @Test
    void a_partner_command_without_a_tenant_reaches_no_partner() {
        assertThatThrownBy(() -> new PartnerCommandTargets().resolveTarget(GenericCommandMessage.asCommandMessage(
                new AcceptReferralCommand(partner, referral, false)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void system_reasons_cannot_be_given_by_hand() {
        fixture.given(registered(), published(10), received(referral))
                .when(new DeclineReferralCommand(partner, referral, DeclineReason.PARTNER_INACTIVE, null), METTMANN)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void an_ended_referrals_client_data_goes_after_the_grace_period_and_only_once() {
        ReferralDeclinedEvent declined = new ReferralDeclinedEvent(partner, referral, "case-1", DeclineReason.NO_CAPACITY,
                null);
        fixture.given(registered(), published(10), received(referral), declined)
                .when(new EraseEndedReferralDataCommand(partner, referral), METTMANN)
                .expectEvents(new SharedClientDataErasedEvent(partner, "case-1", received(referral).consentId(),
                        List.of(referral)));
        fixture.given(registered(), published(10), received(referral), declined,
                        new SharedClientDataErasedEvent(partner, "case-1", received(referral).consentId(), List.of(referral)))
                .when(new EraseEndedReferralDataCommand(partner, referral), METTMANN)
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void a_running_referral_keeps_the_clients_data() {
        fixture.given(registered(), published(10), received(referral))
                .when(new EraseEndedReferralDataCommand(partner, referral), METTMANN)
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void a_reminder_is_raised_once_and_only_for_an_unanswered_referral() {
        fixture.given(registered(), published(10), received(referral),
                        new ReferralReminderRaisedEvent(partner, referral, "case-1", 5))
                .when(new RemindReferralCommand(partner, referral, 5), METTMANN)
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }
}
