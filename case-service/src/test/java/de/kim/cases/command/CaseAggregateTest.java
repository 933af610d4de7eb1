package de.kim.cases.command;

import de.kim.contracts.vocabulary.MeasureKind;
import de.kim.contracts.vocabulary.CaseOutcome;
import de.kim.contracts.vocabulary.Priority;
import de.kim.contracts.vocabulary.AccessRoute;
import de.kim.contracts.vocabulary.TargetGroup;
import de.kim.cases.api.*;
import de.kim.cases.messaging.ImmigrationEventsListener;
import de.kim.contracts.immigration.StatusCheckAnswered;
import de.kim.contracts.vocabulary.AchievementKind;
import de.kim.contracts.vocabulary.ConsentPurpose;
import de.kim.contracts.vocabulary.DataCategory;
import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.contracts.vocabulary.LegalDomain;
import de.kim.platform.config.TenantDirectory;
import de.kim.platform.domain.Actor;
import de.kim.platform.domain.ConflictException;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.domain.NotFoundException;
import de.kim.platform.domain.RuleViolationException;
import de.kim.platform.domain.TenantId;
import com.fasterxml.jackson.databind.json.JsonMapper;
import de.kim.contracts.cases.SharedClientData;
import de.kim.cases.privacy.CaseTexts;
import de.kim.platform.privacy.PersonalDataVault;
import de.kim.platform.privacy.Sealed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import java.util.UUID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;


/** The rules of a case, one test each, named as the rule reads. */
class CaseAggregateTest {

    private static final Map<String, String> ANNA = Map.of("tenant", "kreis-mettmann", "actor", "cm-anna", "roles", "CASE_MANAGER");
    /** A partner's answer arrives relayed by case-service's own principal, not by a person. */
    private static final Map<String, String> PARTNER_ANSWERS = Actor.servicePrincipal(new TenantId("kreis-mettmann"),
            "ps-vhs", "case-service.partner-answers").asMetaData();
    /** The office's answer to a status check arrives relayed by case-service's own principal. */
    private static final Map<String, String> IMMIGRATION_ANSWERS = Actor.servicePrincipal(new TenantId("kreis-mettmann"),
            "abh-jonas", ImmigrationEventsListener.PRINCIPAL).asMetaData();
    private static final Map<String, String> WITHOUT_ROLE = Map.of("tenant", "kreis-mettmann", "actor", "cm-anna");
    private static final Map<String, String> ANOTHER_CASE_MANAGER = Map.of("tenant", "kreis-mettmann", "actor", "cm-bob",
            "roles", "CASE_MANAGER");
    private static final Map<String, String> OTHER_TENANT = Map.of("tenant", "kreis-musterland", "actor", "cm-x");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 2);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T08:00:00Z"), ZoneId.of("Europe/Berlin"));

    private final CaseId id = new CaseId("case-1");
    private final NeedId need = new NeedId("need-1");
    private final ConsentId consent = new ConsentId("consent-1");
    private final ClientProfile client = new ClientProfile("Amina", "Beispiel", LocalDate.of(1990, 4, 12), "SYR",
            List.of("ar"), "Velbert", new ClientProfile.Contact("0151 000000", "amina@example.org", null));
    private final PersonalDataVault vault = new PersonalDataVault(new JdbcTemplate(new DriverManagerDataSource(
            "jdbc:h2:mem:vault-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")),
            JsonMapper.builder().findAndAddModules().build(), CLOCK);
    private final Sealed sealedClient = vault.seal("kreis-mettmann", "case-1", client);
    private final CaseTexts texts = new CaseTexts(vault);
    private AggregateTestFixture<CaseAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CaseAggregate.class);
        fixture.registerInjectableResource(new TenantDirectory(Map.of("kreis-mettmann",
                new TenantDirectory.Tenant("Kreis Mettmann", List.of("Velbert", "Hilden")))));
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(vault);
        fixture.registerInjectableResource(texts);
        fixture.registerInjectableResource(new ThemeCatalogue(Map.of("NO_AFFORDABLE_HOUSING", "Kein Wohnraum")));
        fixture.registerInjectableResource((PartnerDirectory) (tenant, partner, offer) ->
                "partner-1".equals(partner) && "offer-1".equals(offer)
                        ? Optional.of(new PartnerDirectory.Offer(partner, offer, FieldOfAction.LANGUAGE))
                        : Optional.empty());
    }

    private CaseOpenedEvent opened() {
        return new CaseOpenedEvent(id, "kreis-mettmann", "KIM-2026-00001", sealedClient, "Velbert", TargetGroup.NEWLY_ARRIVED,
                AccessRoute.JOBCENTER, "cm-anna", TODAY.minusDays(30));
    }

    private NeedAssessedEvent languageNeed() {
        return new NeedAssessedEvent(id, need, FieldOfAction.LANGUAGE, Priority.HIGH,
                sealed("Deutsch B1 für den Beruf"), TODAY.minusDays(20));
    }

    private ConsentRecordedEvent consentFor(String recipient, Set<DataCategory> categories, LocalDate validUntil) {
        return new ConsentRecordedEvent(id, consent, recipient, Set.of(ConsentPurpose.REFERRAL), categories,
                ConsentForm.WRITTEN, TODAY.minusDays(10), validUntil, sealed("Formular 12"));
    }

    private MakeReferralCommand referral() {
        return new MakeReferralCommand(id, new ReferralId("ref-1"), "partner-1", "offer-1", need, null, null);
    }

    @Test
    void a_case_opens_for_a_client_in_a_town_of_the_kommune_on_todays_date() {
        fixture.givenNoPriorActivity()
                .when(new OpenCaseCommand(id, "KIM-" + TODAY.getYear() + "-00042", client, TargetGroup.NEWLY_ARRIVED, AccessRoute.JOBCENTER, "cm-anna"), ANNA)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(sealedAs(CaseOpenedEvent.class, opened ->
                        opened.equals(new CaseOpenedEvent(id, "kreis-mettmann", "KIM-" + TODAY.getYear() + "-00042",
                                opened.client(), "Velbert", TargetGroup.NEWLY_ARRIVED, AccessRoute.JOBCENTER, "cm-anna", TODAY))
                                && !opened.client().data().contains("Amina")
                                && vault.open("kreis-mettmann", opened.client(), ClientProfile.class).orElseThrow().equals(client)),
                        andNoMore())));
    }

    @Test
    void a_date_of_birth_in_the_future_is_refused() {
        ClientProfile unborn = new ClientProfile("A", "B", TODAY.plusDays(1), "SYR", List.of(), "Velbert", null);
        fixture.givenNoPriorActivity()
                .when(new OpenCaseCommand(id, "KIM-2026-00001", unborn, TargetGroup.FAMILIES, AccessRoute.SELF, "cm-anna"), ANNA)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void a_town_outside_the_kommune_is_refused() {
        ClientProfile elsewhere = new ClientProfile("A", "B", LocalDate.of(1990, 1, 1), "SYR", List.of(), "Düsseldorf", null);
        fixture.givenNoPriorActivity()
                .when(new OpenCaseCommand(id, "KIM-2026-00001", elsewhere, TargetGroup.FAMILIES, AccessRoute.SELF, "cm-anna"), ANNA)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void another_tenant_finds_no_such_case() {
        fixture.given(opened())
                .when(new AssessNeedCommand(id, need, FieldOfAction.LANGUAGE, Priority.HIGH, null, null), OTHER_TENANT)
                .expectException(NotFoundException.class).expectNoEvents();
    }

    @Test
    void a_closed_case_refuses_changes_until_it_is_reopened() {
        fixture.given(opened(), new CaseClosedEvent(id, CaseOutcome.MOVED_AWAY, null, TODAY))
                .when(new AssessNeedCommand(id, need, FieldOfAction.LANGUAGE, Priority.HIGH, null, null), ANNA)
                .expectException(ConflictException.class).expectNoEvents();
    }

    @Test
    void a_closed_case_can_be_reopened() {
        fixture.given(opened(), new CaseClosedEvent(id, CaseOutcome.NO_CONTACT, null, TODAY))
                .when(new ReopenCaseCommand(id, "Klientin meldet sich wieder", null), ANNA)
                .expectEventsMatching(openingTo(new CaseReopenedEvent(id, sealed("Klientin meldet sich wieder"), TODAY)));
    }

    @Test
    void a_case_closes_with_its_outcome() {
        fixture.given(opened())
                .when(new CloseCaseCommand(id, CaseOutcome.GOALS_REACHED, "alles erreicht", null), ANNA)
                .expectEventsMatching(openingTo(new CaseClosedEvent(id, CaseOutcome.GOALS_REACHED, sealed("alles erreicht"), TODAY)));
    }

    @Test
    void a_consent_must_end_after_it_is_given() {
        fixture.given(opened())
                .when(new RecordConsentCommand(id, consent, "partner-1", Set.of(ConsentPurpose.REFERRAL),
                        Set.of(DataCategory.CONTACT), ConsentForm.WRITTEN, TODAY, TODAY, null, null), ANNA)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void youth_welfare_data_never_goes_to_the_immigration_office() {
        fixture.given(opened())
                .when(new RecordConsentCommand(id, consent, CaseAggregate.IMMIGRATION_OFFICE,
                        Set.of(ConsentPurpose.RESIDENCE_MATTERS), Set.of(DataCategory.YOUTH_WELFARE_ENTRUSTED),
                        ConsentForm.WRITTEN, TODAY, TODAY.plusYears(1), null, null), ANNA)
                .expectException(RuleViolationException.class).expectNoEvents();
    }

    @Test
    void a_revoked_consent_cannot_be_revoked_again() {
        fixture.given(opened(), consentFor("partner-1", Set.of(DataCategory.CONTACT), TODAY.plusYears(1)),
                        new ConsentRevokedEvent(id, consent, "partner-1", TODAY))
                .when(new RevokeConsentCommand(id, consent, null), ANNA)
                .expectException(ConflictException.class).expectNoEvents();
    }

    @Test
    void referral_needs_consent_for_the_partner() {
        fixture.given(opened(), languageNeed(), consentFor("partner-2", Set.of(DataCategory.CONTACT), TODAY.plusYears(1)))
                .when(referral(), ANNA)
                .expectException(RuleViolationException.class).expectNoEvents();
    }

    @Test
    void referral_after_the_consent_was_revoked_is_refused() {
        fixture.given(opened(), languageNeed(), consentFor("partner-1", Set.of(DataCategory.CONTACT), TODAY.plusYears(1)),
                        new ConsentRevokedEvent(id, consent, "partner-1", TODAY))
                .when(referral(), ANNA)
                .expectException(RuleViolationException.class).expectNoEvents();
    }

    @Test
    void referral_after_the_consent_expired_is_refused() {
        fixture.given(opened(), languageNeed(), consentFor("partner-1", Set.of(DataCategory.CONTACT), TODAY.minusDays(1)))
                .when(referral(), ANNA)
                .expectException(RuleViolationException.class).expectNoEvents();
    }

    @Test
    void a_referral_shares_only_what_the_consent_releases() {
        SharedClientData identityOnly = new SharedClientData("Amina", "Beispiel", LocalDate.of(1990, 4, 12), null,
                null, null, null, "Velbert", "Deutsch B1 für den Beruf");
        fixture.given(opened(), languageNeed(),
                        consentFor("partner-1", Set.of(DataCategory.IDENTITY, DataCategory.NEEDS), TODAY.plusYears(1)))
                .when(referral(), ANNA)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(sealedAs(ReferralMadeEvent.class, made ->
                        made.equals(new ReferralMadeEvent(id, new ReferralId("ref-1"), "partner-1", "offer-1", need,
                                FieldOfAction.LANGUAGE, consent, Set.of(DataCategory.IDENTITY, DataCategory.NEEDS),
                                made.sharedClient(), null, TODAY))
                                && vault.open("kreis-mettmann", made.sharedClient(), SharedClientData.class).orElseThrow().equals(identityOnly)),
                        andNoMore())));
    }

    @Test
    void an_erased_client_is_unreadable_and_the_case_takes_no_more_changes() {
        fixture.given(opened(), languageNeed())
                .when(new EraseClientCommand(id, ErasureGround.LAWFUL_REQUEST, "DS-2026-1"), ANNA)
                .expectEventsMatching(openingTo(new ClientErasedEvent(id, "kreis-mettmann", ErasureGround.LAWFUL_REQUEST,
                        sealed("DS-2026-1"), TODAY)));
        Sealed aText = sealed("Deutsch B1 für den Beruf");
        vault.shred("kreis-mettmann", "case-1");
        assertThat(texts.open("kreis-mettmann", aText)).isEmpty();
        assertThat(vault.open("kreis-mettmann", sealedClient, ClientProfile.class)).isEmpty();
        fixture.given(opened(), new ClientErasedEvent(id, "kreis-mettmann", ErasureGround.LAWFUL_REQUEST, null, TODAY))
                .when(new ReopenCaseCommand(id, "neu", null), ANNA)
                .expectException(ConflictException.class).expectNoEvents();
    }

    @Test
    void a_legal_hold_or_a_dispute_stops_erasure_and_retention_runs_from_closure_only() {
        fixture.given(opened(), new ErasureBlockChangedEvent(id, ErasureBlock.LEGAL_HOLD, true, sealed("Verfahren 3 K 12/26"), TODAY))
                .when(new EraseClientCommand(id, ErasureGround.LAWFUL_REQUEST, "DS-2026-2"), ANNA)
                .expectException(RuleViolationException.class).expectNoEvents();
        fixture.given(opened(), new ErasureBlockChangedEvent(id, ErasureBlock.DISPUTED, true, sealed("Geburtsdatum bestritten"), TODAY))
                .when(new EraseClientCommand(id, ErasureGround.LAWFUL_REQUEST, "DS-2026-3"), ANNA)
                .expectException(RuleViolationException.class).expectNoEvents();
        fixture.given(opened())
                .when(new EraseClientCommand(id, ErasureGround.RETENTION_EXPIRED, "Frist"), ANNA)
                .expectException(RuleViolationException.class).expectNoEvents();
    }

    @Test
    void referral_needs_an_active_offer_of_a_known_partner() {
        fixture.given(opened(), languageNeed(), consentFor("partner-1", Set.of(DataCategory.CONTACT), TODAY.plusYears(1)))
                .when(new MakeReferralCommand(id, new ReferralId("ref-1"), "partner-1", "offer-withdrawn", need, null,
                        null), ANNA)
                .expectException(RuleViolationException.class).expectNoEvents();
    }

    @Test
    void a_referral_for_a_resolved_need_is_refused() {
        fixture.given(opened(), languageNeed(), new NeedResolvedEvent(id, need, FieldOfAction.LANGUAGE, TODAY),
                        consentFor("partner-1", Set.of(DataCategory.CONTACT), TODAY.plusYears(1)))
                .when(referral(), ANNA)
                .expectException(ConflictException.class).expectNoEvents();
    }

    @Test
    void an_actor_without_a_role_works_no_case() {
        fixture.given(opened())
                .when(new AssessNeedCommand(id, need, FieldOfAction.LANGUAGE, Priority.HIGH, null, null), WITHOUT_ROLE)
                .expectException(NotFoundException.class).expectNoEvents();
    }

    @Test
    void a_case_manager_works_only_the_cases_assigned_to_them() {
        fixture.given(opened())
                .when(new AssessNeedCommand(id, need, FieldOfAction.LANGUAGE, Priority.HIGH, null, null), ANOTHER_CASE_MANAGER)
                .expectException(NotFoundException.class).expectNoEvents();
    }

    @Test
    void a_referrals_note_is_sealed_with_the_clients_key_and_opens_to_what_was_typed() {
        fixture.given(opened(), languageNeed(), consentFor("partner-1", Set.of(DataCategory.CONTACT), TODAY.plusYears(1)))
                .when(new MakeReferralCommand(id, new ReferralId("ref-1"), "partner-1", "offer-1", need,
                        "Bitte Kinderbetreuung einplanen", null), ANNA)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(sealedAs(ReferralMadeEvent.class, made ->
                        made.note().subject().equals("case-1")
                                && !made.note().data().contains("Kinderbetreuung")
                                && "Bitte Kinderbetreuung einplanen".equals(texts.open("kreis-mettmann", made.note()))),
                        andNoMore())));
    }

    @Test
    void a_partners_decline_reason_is_sealed_before_it_is_stored() {
        ReferralId ref = new ReferralId("ref-1");
        Instant at = Instant.parse("2026-11-01T10:00:00Z");
        fixture.given(opened(), languageNeed(), referralMade(ref))
                .when(new RecordReferralAnswerCommand(id, ref, ReferralStatus.DECLINED, "Kurs ist voll", null, at),
                        PARTNER_ANSWERS)
                .expectEventsMatching(openingTo(new ReferralDeclinedEvent(id, ref, "partner-1", sealed("Kurs ist voll"),
                        at)));
    }

    @Test
    void a_plan_seals_each_goal_text() {
        GoalId goal = new GoalId("g-1");
        fixture.given(opened())
                .when(new AgreeIntegrationPlanCommand(id, List.of(new PlannedGoal(goal, FieldOfAction.LANGUAGE,
                        "B1-Prüfung bestehen", TODAY.plusMonths(6))), TODAY, null), ANNA)
                .expectEventsMatching(openingTo(new IntegrationPlanAgreedEvent(id, List.of(
                        new IntegrationPlanAgreedEvent.AgreedGoal(goal, FieldOfAction.LANGUAGE,
                                sealed("B1-Prüfung bestehen"), TODAY.plusMonths(6))), TODAY)));
    }

    @Test
    void a_sealed_text_is_compared_opened_so_another_text_does_not_pass() {
        fixture.given(opened())
                .when(new CloseCaseCommand(id, CaseOutcome.GOALS_REACHED, "alles erreicht", null), ANNA)
                .expectEventsMatching(org.hamcrest.Matchers.not(openingTo(new CaseClosedEvent(id,
                        CaseOutcome.GOALS_REACHED, sealed("etwas anderes"), TODAY))));
    }

    @Test
    void the_same_free_text_theme_is_tagged_only_once() {
        fixture.given(opened(), new ThemeTaggedEvent(id, "OTHER", sealed("Kein Bus am Wochenende")))
                .when(new TagThemeCommand(id, null, " Kein Bus am Wochenende ", null), ANNA)
                .expectException(ConflictException.class).expectNoEvents();
        fixture.given(opened(), new ThemeTaggedEvent(id, "OTHER", sealed("Kein Bus am Wochenende")))
                .when(new TagThemeCommand(id, null, "Keine Kita in der Nähe", null), ANNA)
                .expectEventsMatching(openingTo(new ThemeTaggedEvent(id, "OTHER", sealed("Keine Kita in der Nähe"))));
    }

    @Test
    void a_partner_answer_received_twice_changes_nothing() {
        ReferralId ref = new ReferralId("ref-1");
        fixture.given(opened(), languageNeed(), referralMade(ref),
                        new ReferralAcceptedEvent(id, ref, "partner-1", Instant.parse("2026-11-01T10:00:00Z")))
                .when(new RecordReferralAnswerCommand(id, ref, ReferralStatus.ACCEPTED, null, null,
                        Instant.parse("2026-11-01T10:00:00Z")), PARTNER_ANSWERS)
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void a_decline_after_acceptance_is_refused() {
        ReferralId ref = new ReferralId("ref-1");
        fixture.given(opened(), languageNeed(), referralMade(ref),
                        new ReferralAcceptedEvent(id, ref, "partner-1", Instant.parse("2026-11-01T10:00:00Z")))
                .when(new RecordReferralAnswerCommand(id, ref, ReferralStatus.DECLINED, "NO_CAPACITY", null,
                        Instant.parse("2026-11-01T11:00:00Z")), PARTNER_ANSWERS)
                .expectException(ConflictException.class).expectNoEvents();
    }

    @Test
    void a_completed_referral_cannot_be_withdrawn() {
        ReferralId ref = new ReferralId("ref-1");
        fixture.given(opened(), languageNeed(), referralMade(ref),
                        new ReferralCompletedEvent(id, ref, "partner-1", sealed("CERTIFICATE"), Instant.parse("2026-11-01T10:00:00Z")))
                .when(new WithdrawReferralCommand(id, ref, "zu spät", null), ANNA)
                .expectException(ConflictException.class).expectNoEvents();
    }

    private ReferralMadeEvent referralMade(ReferralId ref) {
        return new ReferralMadeEvent(id, ref, "partner-1", "offer-1", need, FieldOfAction.LANGUAGE, consent,
                Set.of(DataCategory.CONTACT), sealedClient, null, TODAY.minusDays(3));
    }

    @Test
    void the_same_kind_of_measure_for_the_same_need_in_an_overlapping_period_warns_of_double_funding() {
        MeasureId first = new MeasureId("m-1");
        MeasureId second = new MeasureId("m-2");
        fixture.given(opened(), languageNeed(), new MeasureRecordedEvent(id, first, MeasureKind.LANGUAGE_COURSE, need,
                        LegalDomain.SGB_II, LocalDate.of(2026, 9, 1), LocalDate.of(2027, 2, 28), sealed("VHS"), false))
                .when(new RecordMeasureCommand(id, second, MeasureKind.LANGUAGE_COURSE, need, LegalDomain.AUFENTHG,
                        LocalDate.of(2027, 1, 1), LocalDate.of(2027, 6, 30), "Sprachschule", null), ANNA)
                .expectEventsMatching(openingTo(
                        new MeasureRecordedEvent(id, second, MeasureKind.LANGUAGE_COURSE, need, LegalDomain.AUFENTHG,
                                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 6, 30), sealed("Sprachschule"), true),
                        new DoubleFundingWarnedEvent(id, second, first, MeasureKind.LANGUAGE_COURSE, LegalDomain.AUFENTHG,
                                LegalDomain.SGB_II)))
                .expectResultMessagePayload(new MeasureOutcome(true, List.of(first)));
    }

    @Test
    void a_measure_after_the_other_one_ends_is_active_at_once() {
        MeasureId second = new MeasureId("m-2");
        fixture.given(opened(), languageNeed(), new MeasureRecordedEvent(id, new MeasureId("m-1"),
                        MeasureKind.LANGUAGE_COURSE, need, LegalDomain.SGB_II, LocalDate.of(2026, 9, 1),
                        LocalDate.of(2026, 12, 31), sealed("VHS"), false))
                .when(new RecordMeasureCommand(id, second, MeasureKind.LANGUAGE_COURSE, need, LegalDomain.AUFENTHG,
                        LocalDate.of(2027, 1, 1), LocalDate.of(2027, 6, 30), null, null), ANNA)
                .expectEvents(new MeasureRecordedEvent(id, second, MeasureKind.LANGUAGE_COURSE, need,
                        LegalDomain.AUFENTHG, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 6, 30), null, false));
    }

    @Test
    void a_measure_that_ends_before_it_starts_is_refused() {
        fixture.given(opened(), languageNeed())
                .when(new RecordMeasureCommand(id, new MeasureId("m-1"), MeasureKind.LANGUAGE_COURSE, need,
                        LegalDomain.SGB_II, LocalDate.of(2027, 1, 1), LocalDate.of(2026, 1, 1), null, null), ANNA)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void a_measure_without_a_warning_needs_no_confirmation() {
        MeasureId m = new MeasureId("m-1");
        fixture.given(opened(), languageNeed(), new MeasureRecordedEvent(id, m, MeasureKind.LANGUAGE_COURSE, need,
                        LegalDomain.SGB_II, TODAY, TODAY.plusMonths(3), null, false))
                .when(new ConfirmMeasureCommand(id, m, "passt", null), ANNA)
                .expectException(ConflictException.class).expectNoEvents();
    }

    @Test
    void a_change_of_legal_domains_records_where_the_client_came_from() {
        fixture.given(opened(), new LegalDomainsChangedEvent(id, Set.of(), Set.of(LegalDomain.ASYLBLG), TODAY.minusDays(20)))
                .when(new ChangeLegalDomainsCommand(id, Set.of(LegalDomain.SGB_II), TODAY, null), ANNA)
                .expectEvents(new LegalDomainsChangedEvent(id, Set.of(LegalDomain.ASYLBLG), Set.of(LegalDomain.SGB_II), TODAY));
    }

    @Test
    void an_unchanged_set_of_legal_domains_is_no_change() {
        fixture.given(opened(), new LegalDomainsChangedEvent(id, Set.of(), Set.of(LegalDomain.SGB_II), TODAY.minusDays(20)))
                .when(new ChangeLegalDomainsCommand(id, Set.of(LegalDomain.SGB_II), TODAY, null), ANNA)
                .expectException(ConflictException.class).expectNoEvents();
    }

    @Test
    void a_follow_up_cannot_be_due_in_the_past() {
        fixture.given(opened())
                .when(new ScheduleFollowUpCommand(id, new FollowUpId("f-1"), TODAY.minusDays(1), "Anruf", null, null), ANNA)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void a_follow_up_without_assignee_goes_to_the_case_manager_of_the_case() {
        fixture.given(opened())
                .when(new ScheduleFollowUpCommand(id, new FollowUpId("f-1"), TODAY.plusDays(7), "Anruf", null, null), ANNA)
                .expectEventsMatching(openingTo(new FollowUpScheduledEvent(id, new FollowUpId("f-1"), TODAY.plusDays(7),
                        sealed("Anruf"), "cm-anna")));
    }

    @Test
    void a_theme_comes_from_the_managed_list_or_as_free_text_counted_apart() {
        fixture.given(opened())
                .when(new TagThemeCommand(id, "NOT_ON_THE_LIST", null, null), ANNA)
                .expectException(InvalidInputException.class).expectNoEvents();
        fixture.given(opened())
                .when(new TagThemeCommand(id, null, "Kein Bus am Wochenende", null), ANNA)
                .expectEventsMatching(openingTo(new ThemeTaggedEvent(id, "OTHER", sealed("Kein Bus am Wochenende"))));
    }

    @Test
    void a_goal_is_reached_only_once() {
        GoalId goal = new GoalId("g-1");
        fixture.given(opened(), new IntegrationPlanAgreedEvent(id, List.of(new IntegrationPlanAgreedEvent.AgreedGoal(goal,
                        FieldOfAction.LANGUAGE, sealed("B1"), TODAY.plusMonths(6))), TODAY.minusDays(5)),
                        new GoalAchievedEvent(id, goal, FieldOfAction.LANGUAGE, TODAY))
                .when(new AchieveGoalCommand(id, goal, TODAY, null), ANNA)
                .expectException(ConflictException.class).expectNoEvents();
    }

    @Test
    void a_goal_cannot_be_due_before_the_plan_was_agreed() {
        fixture.given(opened())
                .when(new AgreeIntegrationPlanCommand(id, List.of(new PlannedGoal(new GoalId("g-1"),
                        FieldOfAction.LANGUAGE, "B1", TODAY.minusDays(1))), TODAY, null), ANNA)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    private ConsentRecordedEvent consentForTheOffice(Set<DataCategory> categories) {
        return new ConsentRecordedEvent(id, consent, CaseAggregate.IMMIGRATION_OFFICE,
                Set.of(ConsentPurpose.RESIDENCE_MATTERS), categories, ConsentForm.WRITTEN, TODAY.minusDays(10),
                TODAY.plusYears(1), null);
    }

    private ResidenceRecordLinkConfirmedEvent confirmed(String record) {
        return new ResidenceRecordLinkConfirmedEvent(id, record, TODAY.minusDays(5));
    }

    @Test
    void nothing_goes_to_a_record_before_the_office_confirms_the_link() {
        fixture.given(opened(), new ResidenceRecordLinkedEvent(id, "record-7"),
                        consentForTheOffice(Set.of(DataCategory.ACHIEVEMENTS, DataCategory.RESIDENCE_STATUS)))
                .when(b1Certificate(), ANNA)
                .expectEvents(new AchievementRecordedEvent(id, new AchievementId("a-1"), AchievementKind.LANGUAGE_CERTIFICATE,
                        "B1", TODAY.minusDays(1)))
                .expectResultMessagePayload(new AchievementOutcome(false));
        fixture.given(opened(), new ResidenceRecordLinkedEvent(id, "record-7"),
                        consentForTheOffice(Set.of(DataCategory.ACHIEVEMENTS, DataCategory.RESIDENCE_STATUS)))
                .when(new RequestStatusCheckCommand(id, check, null), ANNA)
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("case.status-check.link-not-confirmed").expectNoEvents();
    }

    @Test
    void the_offices_confirmation_sends_the_achievements_recorded_so_far_except_entrusted_ones() {
        fixture.given(opened(), new ResidenceRecordLinkedEvent(id, "record-7"),
                        consentForTheOffice(Set.of(DataCategory.ACHIEVEMENTS)),
                        new AchievementRecordedEvent(id, new AchievementId("a-1"), AchievementKind.LANGUAGE_CERTIFICATE,
                                "B1", TODAY.minusDays(1)),
                        new AchievementRecordedEvent(id, new AchievementId("a-2"), AchievementKind.EMPLOYMENT, null,
                                TODAY.minusDays(2)),
                        new MarkedEntrustedEvent(id, EntrustedItem.ACHIEVEMENT, "a-2", TODAY))
                .when(new RecordResidenceLinkAnswerCommand(id, "record-7", true, TODAY), IMMIGRATION_ANSWERS)
                .expectEvents(new ResidenceRecordLinkConfirmedEvent(id, "record-7", TODAY),
                        new AchievementSharedEvent(id, "record-7", new AchievementId("a-1"),
                                AchievementKind.LANGUAGE_CERTIFICATE, "B1", TODAY.minusDays(1), consent));
    }

    @Test
    void a_refusal_or_an_answer_about_another_record_keeps_the_link_unconfirmed() {
        fixture.given(opened(), new ResidenceRecordLinkedEvent(id, "record-7"))
                .when(new RecordResidenceLinkAnswerCommand(id, "record-7", false, TODAY), IMMIGRATION_ANSWERS)
                .expectEvents(new ResidenceRecordLinkRefusedEvent(id, "record-7", TODAY));
        fixture.given(opened(), new ResidenceRecordLinkedEvent(id, "record-7"))
                .when(new RecordResidenceLinkAnswerCommand(id, "record-6", true, TODAY), IMMIGRATION_ANSWERS)
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(opened(), new ResidenceRecordLinkedEvent(id, "record-7"), confirmed("record-7"))
                .when(new RecordResidenceLinkAnswerCommand(id, "record-7", true, TODAY), IMMIGRATION_ANSWERS)
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void a_link_not_confirmed_may_be_asked_again_a_confirmed_one_not() {
        fixture.given(opened(), new ResidenceRecordLinkedEvent(id, "record-7"))
                .when(new LinkResidenceRecordCommand(id, "record-7", null), ANNA)
                .expectEvents(new ResidenceRecordLinkedEvent(id, "record-7"));
        fixture.given(opened(), new ResidenceRecordLinkedEvent(id, "record-7"), confirmed("record-7"))
                .when(new LinkResidenceRecordCommand(id, "record-7", null), ANNA)
                .expectException(ConflictException.class).expectNoEvents();
    }

    private RecordAchievementCommand b1Certificate() {
        return new RecordAchievementCommand(id, new AchievementId("a-1"), AchievementKind.LANGUAGE_CERTIFICATE, "B1",
                TODAY.minusDays(1), null);
    }

    @Test
    void an_achievement_reaches_the_immigration_office_when_a_consent_covers_it() {
        fixture.given(opened(), new ResidenceRecordLinkedEvent(id, "record-7"), confirmed("record-7"),
                        consentForTheOffice(Set.of(DataCategory.ACHIEVEMENTS)))
                .when(b1Certificate(), ANNA)
                .expectEvents(new AchievementRecordedEvent(id, new AchievementId("a-1"), AchievementKind.LANGUAGE_CERTIFICATE,
                                "B1", TODAY.minusDays(1)),
                        new AchievementSharedEvent(id, "record-7", new AchievementId("a-1"),
                                AchievementKind.LANGUAGE_CERTIFICATE, "B1", TODAY.minusDays(1), consent))
                .expectResultMessagePayload(new AchievementOutcome(true));
    }

    @Test
    void an_achievement_stays_in_case_management_without_a_consent_for_achievements() {
        fixture.given(opened(), new ResidenceRecordLinkedEvent(id, "record-7"), confirmed("record-7"),
                        consentForTheOffice(Set.of(DataCategory.RESIDENCE_STATUS)))
                .when(b1Certificate(), ANNA)
                .expectEvents(new AchievementRecordedEvent(id, new AchievementId("a-1"), AchievementKind.LANGUAGE_CERTIFICATE,
                        "B1", TODAY.minusDays(1)))
                .expectResultMessagePayload(new AchievementOutcome(false));
    }

    @Test
    void a_language_level_must_exist() {
        fixture.given(opened())
                .when(new RecordAchievementCommand(id, new AchievementId("a-1"), AchievementKind.LANGUAGE_CERTIFICATE,
                        "B3", TODAY, null), ANNA)
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void a_case_is_not_handed_over_to_its_own_case_manager() {
        fixture.given(opened())
                .when(new HandOverCaseCommand(id, "cm-anna", null, null), ANNA)
                .expectException(ConflictException.class).expectNoEvents();
    }

    private ConsentRecordedEvent residenceConsent(LocalDate validUntil) {
        return new ConsentRecordedEvent(id, consent, CaseAggregate.IMMIGRATION_OFFICE,
                Set.of(ConsentPurpose.RESIDENCE_MATTERS), Set.of(DataCategory.RESIDENCE_STATUS), ConsentForm.WRITTEN,
                TODAY.minusDays(10), validUntil, null);
    }

    private final StatusCheckId check = new StatusCheckId("check-1");

    @Test
    void a_status_check_goes_to_the_linked_record_under_a_consent_for_the_immigration_office() {
        fixture.given(opened(), new ResidenceRecordLinkedEvent(id, "record-7"), confirmed("record-7"), residenceConsent(TODAY.plusYears(1)))
                .when(new RequestStatusCheckCommand(id, check, null), ANNA)
                .expectEvents(new StatusCheckRequestedEvent(id, check, "record-7", consent, TODAY));
    }

    @Test
    void status_check_needs_a_linked_residence_record() {
        fixture.given(opened(), residenceConsent(TODAY.plusYears(1)))
                .when(new RequestStatusCheckCommand(id, check, null), ANNA)
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("case.status-check.no-residence-record").expectNoEvents();
    }

    @Test
    void status_check_needs_consent_for_the_immigration_office() {
        fixture.given(opened(), new ResidenceRecordLinkedEvent(id, "record-7"), confirmed("record-7"),
                        consentFor(CaseAggregate.IMMIGRATION_OFFICE, Set.of(DataCategory.RESIDENCE_STATUS),
                                TODAY.plusYears(1)))
                .when(new RequestStatusCheckCommand(id, check, null), ANNA)
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("case.status-check.no-consent").expectNoEvents();
    }

    @Test
    void status_check_needs_a_consent_valid_today() {
        fixture.given(opened(), new ResidenceRecordLinkedEvent(id, "record-7"), confirmed("record-7"), residenceConsent(TODAY.minusDays(1)))
                .when(new RequestStatusCheckCommand(id, check, null), ANNA)
                .expectException(RuleViolationException.class).expectNoEvents();
    }

    @Test
    void status_check_needs_a_consent_not_revoked() {
        fixture.given(opened(), new ResidenceRecordLinkedEvent(id, "record-7"), confirmed("record-7"), residenceConsent(TODAY.plusYears(1)),
                        new ConsentRevokedEvent(id, consent, CaseAggregate.IMMIGRATION_OFFICE, TODAY))
                .when(new RequestStatusCheckCommand(id, check, null), ANNA)
                .expectException(RuleViolationException.class).expectNoEvents();
    }

    @Test
    void status_check_needs_consent_releasing_the_residence_status() {
        fixture.given(opened(), new ResidenceRecordLinkedEvent(id, "record-7"), confirmed("record-7"),
                        consentForTheOffice(Set.of(DataCategory.ACHIEVEMENTS)))
                .when(new RequestStatusCheckCommand(id, check, null), ANNA)
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("case.status-check.no-residence-status-category").expectNoEvents();
    }

    private Sealed answerFor(String subject) {
        return vault.seal("kreis-mettmann", subject, new StatusCheckAnswered.Answer("DULDUNG", "§ 60a AufenthG",
                TODAY.plusMonths(3), "AUFENTHG_25B", "REQUIREMENTS_MET_SOON", "B1 fehlt noch"));
    }

    @Test
    void the_offices_answer_to_a_status_check_is_kept_once_under_a_consent_that_releases_the_residence_status() {
        Sealed answer = answerFor("case-1");
        StatusCheckRequestedEvent asked = new StatusCheckRequestedEvent(id, check, "record-7", consent, TODAY.minusDays(3));
        fixture.given(opened(), new ResidenceRecordLinkedEvent(id, "record-7"), confirmed("record-7"), residenceConsent(TODAY.plusYears(1)), asked)
                .when(new RecordStatusCheckAnswerCommand(id, check, answer, TODAY), IMMIGRATION_ANSWERS)
                .expectEvents(new StatusCheckAnsweredEvent(id, check, answer, TODAY));
        fixture.given(opened(), new ResidenceRecordLinkedEvent(id, "record-7"), confirmed("record-7"), residenceConsent(TODAY.plusYears(1)), asked,
                        new StatusCheckAnsweredEvent(id, check, answer, TODAY))
                .when(new RecordStatusCheckAnswerCommand(id, check, answer, TODAY), IMMIGRATION_ANSWERS)
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void an_answer_after_the_consent_ended_or_sealed_for_another_person_is_noted_without_its_content() {
        StatusCheckRequestedEvent asked = new StatusCheckRequestedEvent(id, check, "record-7", consent, TODAY.minusDays(3));
        fixture.given(opened(), new ResidenceRecordLinkedEvent(id, "record-7"), confirmed("record-7"), residenceConsent(TODAY.plusYears(1)), asked,
                        new ConsentRevokedEvent(id, consent, CaseAggregate.IMMIGRATION_OFFICE, TODAY))
                .when(new RecordStatusCheckAnswerCommand(id, check, answerFor("case-1"), TODAY), IMMIGRATION_ANSWERS)
                .expectEvents(new StatusCheckAnsweredEvent(id, check, null, TODAY));
        fixture.given(opened(), new ResidenceRecordLinkedEvent(id, "record-7"), confirmed("record-7"), residenceConsent(TODAY.plusYears(1)), asked)
                .when(new RecordStatusCheckAnswerCommand(id, check, answerFor("case-2"), TODAY), IMMIGRATION_ANSWERS)
                .expectEvents(new StatusCheckAnsweredEvent(id, check, null, TODAY));
    }

    @Test
    void an_answer_to_a_status_check_the_case_never_asked_for_is_refused() {
        fixture.given(opened(), new ResidenceRecordLinkedEvent(id, "record-7"), confirmed("record-7"), residenceConsent(TODAY.plusYears(1)))
                .when(new RecordStatusCheckAnswerCommand(id, check, answerFor("case-1"), TODAY), IMMIGRATION_ANSWERS)
                .expectException(NotFoundException.class).expectNoEvents();
    }

    // --- consent that ends --------------------------------------------------------------------------

    /** The consent expiry job acts as case-service's own principal. */
    private static final Map<String, String> EXPIRY_JOB = Actor.servicePrincipal(new TenantId("kreis-mettmann"),
            "consent-expiry-job", "case-service.consent-expiry").asMetaData();

    @Test
    void a_consent_expires_after_its_last_valid_day() {
        fixture.given(opened(), consentFor("partner-1", Set.of(DataCategory.CONTACT), TODAY.minusDays(1)))
                .when(new ExpireConsentCommand(id, consent), EXPIRY_JOB)
                .expectEvents(new ConsentExpiredEvent(id, consent, "partner-1", TODAY));
    }

    @Test
    void a_consent_does_not_expire_on_its_last_valid_day() {
        fixture.given(opened(), consentFor("partner-1", Set.of(DataCategory.CONTACT), TODAY))
                .when(new ExpireConsentCommand(id, consent), EXPIRY_JOB)
                .expectException(RuleViolationException.class).expectExceptionMessage("case.consent.still-valid")
                .expectNoEvents();
    }

    @Test
    void an_ended_consent_neither_expires_again_nor_is_revoked() {
        fixture.given(opened(), consentFor("partner-1", Set.of(DataCategory.CONTACT), TODAY.minusDays(1)),
                        new ConsentExpiredEvent(id, consent, "partner-1", TODAY))
                .when(new ExpireConsentCommand(id, consent), EXPIRY_JOB)
                .expectException(ConflictException.class).expectNoEvents();
        fixture.given(opened(), consentFor("partner-1", Set.of(DataCategory.CONTACT), TODAY.minusDays(1)),
                        new ConsentExpiredEvent(id, consent, "partner-1", TODAY))
                .when(new RevokeConsentCommand(id, consent, null), ANNA)
                .expectException(ConflictException.class).expectExceptionMessage("case.consent.expired")
                .expectNoEvents();
        fixture.given(opened(), consentFor("partner-1", Set.of(DataCategory.CONTACT), TODAY.minusDays(1)),
                        new ConsentRevokedEvent(id, consent, "partner-1", TODAY.minusDays(3)))
                .when(new ExpireConsentCommand(id, consent), EXPIRY_JOB)
                .expectException(ConflictException.class).expectNoEvents();
    }

    @Test
    void a_consent_of_a_closed_case_still_expires_so_that_the_recipients_copy_goes() {
        fixture.given(opened(), consentFor("partner-1", Set.of(DataCategory.CONTACT), TODAY.minusDays(1)),
                        new CaseClosedEvent(id, CaseOutcome.MOVED_AWAY, null, TODAY.minusDays(5)))
                .when(new ExpireConsentCommand(id, consent), EXPIRY_JOB)
                .expectEvents(new ConsentExpiredEvent(id, consent, "partner-1", TODAY));
    }

    private AchievementSharedEvent b1Shared() {
        return new AchievementSharedEvent(id, "record-7", new AchievementId("a-1"), AchievementKind.LANGUAGE_CERTIFICATE,
                "B1", TODAY.minusDays(1), consent);
    }

    @Test
    void revoking_the_consent_for_the_immigration_office_withdraws_the_achievements_shared_under_it() {
        fixture.given(opened(), new ResidenceRecordLinkedEvent(id, "record-7"), confirmed("record-7"),
                        consentForTheOffice(Set.of(DataCategory.ACHIEVEMENTS)),
                        new AchievementRecordedEvent(id, new AchievementId("a-1"), AchievementKind.LANGUAGE_CERTIFICATE,
                                "B1", TODAY.minusDays(1)), b1Shared())
                .when(new RevokeConsentCommand(id, consent, null), ANNA)
                .expectEvents(new ConsentRevokedEvent(id, consent, CaseAggregate.IMMIGRATION_OFFICE, TODAY),
                        new SharedAchievementsWithdrawnEvent(id, consent, "record-7",
                                List.of(new AchievementId("a-1")), TODAY));
    }

    @Test
    void achievements_are_withdrawn_from_the_record_they_went_to_even_after_the_case_was_linked_to_another() {
        fixture.given(opened(), new ResidenceRecordLinkedEvent(id, "record-7"), confirmed("record-7"),
                        consentForTheOffice(Set.of(DataCategory.ACHIEVEMENTS)),
                        new AchievementRecordedEvent(id, new AchievementId("a-1"), AchievementKind.LANGUAGE_CERTIFICATE,
                                "B1", TODAY.minusDays(1)), b1Shared(),
                        new ResidenceRecordLinkedEvent(id, "record-8"), confirmed("record-8"),
                        new AchievementRecordedEvent(id, new AchievementId("a-2"), AchievementKind.EMPLOYMENT, null,
                                TODAY.minusDays(1)),
                        new AchievementSharedEvent(id, "record-8", new AchievementId("a-2"), AchievementKind.EMPLOYMENT,
                                null, TODAY.minusDays(1), consent))
                .when(new RevokeConsentCommand(id, consent, null), ANNA)
                .expectEvents(new ConsentRevokedEvent(id, consent, CaseAggregate.IMMIGRATION_OFFICE, TODAY),
                        new SharedAchievementsWithdrawnEvent(id, consent, "record-7", List.of(new AchievementId("a-1")),
                                TODAY),
                        new SharedAchievementsWithdrawnEvent(id, consent, "record-8", List.of(new AchievementId("a-2")),
                                TODAY));
    }

    @Test
    void the_expiry_of_the_consent_for_the_immigration_office_withdraws_the_achievements_shared_under_it() {
        ConsentRecordedEvent expired = new ConsentRecordedEvent(id, consent, CaseAggregate.IMMIGRATION_OFFICE,
                Set.of(ConsentPurpose.RESIDENCE_MATTERS), Set.of(DataCategory.ACHIEVEMENTS), ConsentForm.WRITTEN,
                TODAY.minusDays(10), TODAY.minusDays(1), null);
        fixture.given(opened(), new ResidenceRecordLinkedEvent(id, "record-7"), confirmed("record-7"), expired,
                        new AchievementRecordedEvent(id, new AchievementId("a-1"), AchievementKind.LANGUAGE_CERTIFICATE,
                                "B1", TODAY.minusDays(1)), b1Shared())
                .when(new ExpireConsentCommand(id, consent), EXPIRY_JOB)
                .expectEvents(new ConsentExpiredEvent(id, consent, CaseAggregate.IMMIGRATION_OFFICE, TODAY),
                        new SharedAchievementsWithdrawnEvent(id, consent, "record-7",
                                List.of(new AchievementId("a-1")), TODAY));
    }

    @Test
    void an_achievement_is_not_shared_under_a_revoked_consent() {
        fixture.given(opened(), new ResidenceRecordLinkedEvent(id, "record-7"), confirmed("record-7"),
                        consentForTheOffice(Set.of(DataCategory.ACHIEVEMENTS)),
                        new ConsentRevokedEvent(id, consent, CaseAggregate.IMMIGRATION_OFFICE, TODAY))
                .when(b1Certificate(), ANNA)
                .expectEvents(new AchievementRecordedEvent(id, new AchievementId("a-1"), AchievementKind.LANGUAGE_CERTIFICATE,
                        "B1", TODAY.minusDays(1)))
                .expectResultMessagePayload(new AchievementOutcome(false));
    }

    // --- § 65 SGB VIII: entrusted data ---------------------------------------------------------------

    @Test
    void a_need_can_be_entrusted_when_it_is_assessed() {
        fixture.given(opened())
                .when(new AssessNeedCommand(id, need, FieldOfAction.HEALTH, Priority.HIGH, "anvertraut", true, null), ANNA)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        sealedAs(NeedAssessedEvent.class, assessed -> assessed.needId().equals(need)),
                        org.hamcrest.Matchers.equalTo(new MarkedEntrustedEvent(id, EntrustedItem.NEED, need.value(), TODAY)),
                        andNoMore())));
    }

    @Test
    void entrusted_data_never_leaves_case_management() {
        fixture.given(opened(), languageNeed(), new MarkedEntrustedEvent(id, EntrustedItem.NEED, need.value(), TODAY),
                        consentFor("partner-1", Set.of(DataCategory.IDENTITY, DataCategory.NEEDS), TODAY.plusYears(1)))
                .when(referral(), ANNA)
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("case.referral.entrusted-need").expectNoEvents();
    }

    @Test
    void an_entrusted_achievement_is_never_shared_with_the_immigration_office() {
        fixture.given(opened(), new ResidenceRecordLinkedEvent(id, "record-7"), confirmed("record-7"),
                        consentForTheOffice(Set.of(DataCategory.ACHIEVEMENTS)))
                .when(new RecordAchievementCommand(id, new AchievementId("a-1"), AchievementKind.LANGUAGE_CERTIFICATE,
                        "B1", TODAY.minusDays(1), true, null), ANNA)
                .expectEvents(new AchievementRecordedEvent(id, new AchievementId("a-1"), AchievementKind.LANGUAGE_CERTIFICATE,
                                "B1", TODAY.minusDays(1)),
                        new MarkedEntrustedEvent(id, EntrustedItem.ACHIEVEMENT, "a-1", TODAY))
                .expectResultMessagePayload(new AchievementOutcome(false));
    }

    @Test
    void an_achievement_marked_entrusted_after_it_was_shared_is_withdrawn_from_the_immigration_office() {
        fixture.given(opened(), new ResidenceRecordLinkedEvent(id, "record-7"), confirmed("record-7"),
                        consentForTheOffice(Set.of(DataCategory.ACHIEVEMENTS)),
                        new AchievementRecordedEvent(id, new AchievementId("a-1"), AchievementKind.LANGUAGE_CERTIFICATE,
                                "B1", TODAY.minusDays(1)), b1Shared())
                .when(new MarkEntrustedCommand(id, EntrustedItem.ACHIEVEMENT, "a-1", null), ANNA)
                .expectEvents(new MarkedEntrustedEvent(id, EntrustedItem.ACHIEVEMENT, "a-1", TODAY),
                        new SharedAchievementsWithdrawnEvent(id, consent, "record-7",
                                List.of(new AchievementId("a-1")), TODAY));
    }

    @Test
    void a_measure_can_be_entrusted_when_it_is_recorded_or_later_but_only_once() {
        fixture.given(opened(), languageNeed())
                .when(new RecordMeasureCommand(id, new MeasureId("m-1"), MeasureKind.HOUSING_SUPPORT, need,
                        LegalDomain.SGB_II, TODAY, TODAY.plusMonths(3), "Beratungsstelle", true, null), ANNA)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        sealedAs(MeasureRecordedEvent.class, recorded -> recorded.measureId().equals(new MeasureId("m-1"))),
                        org.hamcrest.Matchers.equalTo(new MarkedEntrustedEvent(id, EntrustedItem.MEASURE, "m-1", TODAY)),
                        andNoMore())));
        fixture.given(opened(), languageNeed(), new MarkedEntrustedEvent(id, EntrustedItem.NEED, need.value(), TODAY))
                .when(new MarkEntrustedCommand(id, EntrustedItem.NEED, need.value(), null), ANNA)
                .expectException(ConflictException.class).expectNoEvents();
        fixture.given(opened())
                .when(new MarkEntrustedCommand(id, EntrustedItem.MEASURE, "m-9", null), ANNA)
                .expectException(NotFoundException.class).expectNoEvents();
    }

    @Test
    void a_closed_case_asks_for_no_status_check() {
        fixture.given(opened(), new ResidenceRecordLinkedEvent(id, "record-7"), confirmed("record-7"), residenceConsent(TODAY.plusYears(1)),
                        new CaseClosedEvent(id, CaseOutcome.MOVED_AWAY, null, TODAY))
                .when(new RequestStatusCheckCommand(id, check, null), ANNA)
                .expectException(ConflictException.class).expectNoEvents();
    }

    @Test
    void a_need_from_the_same_hand_over_is_added_only_once() {
        NeedId fromHandover = HandoverIntakeSaga.needIdOf("handover-1");
        fixture.given(opened(), new NeedAssessedEvent(id, fromHandover, FieldOfAction.LANGUAGE, Priority.HIGH,
                sealed("Übergabe"), TODAY))
                .when(new AssessNeedCommand(id, HandoverIntakeSaga.needIdOf("handover-1"),
                        FieldOfAction.LANGUAGE, Priority.HIGH, "Übergabe", null), ANNA)
                .expectException(ConflictException.class).expectExceptionMessage("case.need.exists").expectNoEvents();
    }

    /** A text of the case, sealed with the client's key as the aggregate seals it. */
    private Sealed sealed(String text) {
        return texts.seal("kreis-mettmann", id, text);
    }

    /**
     * Exactly these events, and no more, compared with their sealed texts opened: a sealed value
     * is new ciphertext each time, so two seals of the same text are equal only once opened.
     */
    private Matcher<List<org.axonframework.messaging.Message<?>>> openingTo(Object... expected) {
        List<Matcher<?>> each = new java.util.ArrayList<>();
        for (Object event : expected) {
            each.add(new TypeSafeMatcher<Object>() {
                @Override
                protected boolean matchesSafely(Object item) {
                    return java.util.Objects.equals(opened(item), opened(event));
                }

                @Override
                public void describeTo(Description description) {
                    description.appendText(String.valueOf(opened(event)));
                }
            });
        }
        each.add(andNoMore());
        @SuppressWarnings({"unchecked", "rawtypes"})
        Matcher<List<?>> sequence = exactSequenceOf((Matcher[]) each.toArray(new Matcher[0]));
        return payloadsMatching(sequence);
    }

    /** The value with every sealed text opened, records and lists taken apart, for comparison. */
    private Object opened(Object value) {
        if (value instanceof Sealed sealed) {
            return "opened:" + texts.open("kreis-mettmann", sealed);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(this::opened).toList();
        }
        if (value instanceof Record record) {
            List<Object> parts = new java.util.ArrayList<>(List.of(record.getClass().getSimpleName()));
            for (java.lang.reflect.RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    parts.add(opened(component.getAccessor().invoke(record)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return parts;
        }
        return value;
    }

    /** An event of the type whose sealed parts, opened with the vault, are what the check expects. */
    private static <T> Matcher<Object> sealedAs(Class<T> type, java.util.function.Predicate<T> check) {
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
}
