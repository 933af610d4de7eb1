package de.kim.cases.command;

import de.kim.contracts.cases.SharedClientData;
import de.kim.cases.privacy.CaseTexts;
import de.kim.platform.privacy.PersonalDataVault;
import de.kim.platform.privacy.Sealed;
import java.util.EnumSet;
import de.kim.cases.api.*;
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
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A client's case in case management. It validates each command against the rules of case
 * management and records what happened as events; its state is only what those rules need.
 */
@Aggregate
public class CaseAggregate {

    /** The recipient id that stands for the immigration office in a consent. */
    public static final String IMMIGRATION_OFFICE = de.kim.contracts.cases.ConsentRevoked.IMMIGRATION_OFFICE;
    private static final Set<String> LANGUAGE_LEVELS = Set.of("A1", "A2", "B1", "B2", "C1", "C2");

    @AggregateIdentifier
    private CaseId id;
    private String tenant;
    private String assignee;
    private Sealed client;
    private boolean closed;
    private boolean erased;
    private final Set<ErasureBlock> erasureBlocks = EnumSet.noneOf(ErasureBlock.class);
    private final Map<ConsentId, Consent> consents = new HashMap<>();
    private final Map<NeedId, Need> needs = new HashMap<>();
    private final Map<GoalId, Goal> goals = new LinkedHashMap<>();
    private final Map<ReferralId, Referral> referrals = new HashMap<>();
    private final Map<MeasureId, Measure> measures = new HashMap<>();
    private final Map<FollowUpId, Boolean> followUpsDone = new HashMap<>();
    private final Set<String> catalogueThemes = new HashSet<>();
    /** The free-text themes, sealed: a new one is compared with them opened. */
    private final List<Sealed> freeTextThemes = new ArrayList<>();
    private Set<LegalDomain> legalDomains = Set.of();
    private LocalDate legalDomainsSince;
    private String residenceRecordId;
    private final Set<AchievementId> achievements = new HashSet<>();
    private final Set<StatusCheckId> statusChecks = new HashSet<>();
    /** Achievements the immigration office holds: the consent they went under and the record they went to. */
    private final Map<AchievementId, Shared> sharedAchievements = new LinkedHashMap<>();
    /** What is entrusted (§ 65 SGB VIII), by kind: it never leaves case management. */
    private final Map<EntrustedItem, Set<String>> entrusted = new EnumMap<>(EntrustedItem.class);

    private record Consent(String recipient, Set<ConsentPurpose> purposes, Set<DataCategory> categories,
                           LocalDate givenOn, LocalDate validUntil, boolean revoked, boolean expired) {
        boolean covers(String partner, ConsentPurpose purpose, LocalDate day) {
            return !revoked && !expired && recipient.equals(partner) && purposes.contains(purpose)
                    && !day.isBefore(givenOn) && !day.isAfter(validUntil);
        }

        Consent ended(boolean byRevocation) {
            return new Consent(recipient, purposes, categories, givenOn, validUntil, revoked || byRevocation,
                    expired || !byRevocation);
        }
    }

    private record Shared(ConsentId consent, String residenceRecordId) {
    }

    private record Need(FieldOfAction field, Sealed description, boolean resolved) {
    }

    private record Goal(FieldOfAction field, boolean open) {
    }

    private record Referral(String partnerId, String offerId, NeedId needId, ReferralStatus status) {
        boolean live() {
            return status == ReferralStatus.MADE || status == ReferralStatus.ACCEPTED;
        }
    }

    private record Measure(MeasureKind kind, NeedId needId, LegalDomain fundedBy, LocalDate from, LocalDate to,
                           boolean awaitingConfirmation, boolean withdrawn) {
        boolean overlaps(LocalDate otherFrom, LocalDate otherTo) {
            return !from.isAfter(otherTo) && !otherFrom.isAfter(to);
        }
    }

    protected CaseAggregate() {
        // for Axon
    }

    @CommandHandler
    public CaseAggregate(OpenCaseCommand command, @MetaDataValue(Actor.TENANT) String tenant,
                         TenantDirectory tenants, PersonalDataVault vault, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        ClientProfile client = command.client();
        if (client.dateOfBirth().isAfter(today)) {
            throw new InvalidInputException("client.dateOfBirth", "case.client.date-of-birth-in-future");
        }
        if (!tenants.servesTown(new TenantId(tenant), client.town())) {
            throw new InvalidInputException("client.town", "case.client.town-unknown", client.town());
        }
        apply(new CaseOpenedEvent(command.caseId(), tenant, vault.seal(tenant, command.caseId().value(), client),
                client.town(), command.targetGroup(), command.accessRoute(), command.assignee(), today));
    }

    // --- consent -------------------------------------------------------------------------

    @CommandHandler
    void handle(RecordConsentCommand command, @MetaDataValue(Actor.TENANT) String tenant, Actor actor, Clock clock,
                CaseTexts texts) {
        requireOpenCaseOf(tenant, actor);
        LocalDate today = LocalDate.now(clock);
        if (consents.containsKey(command.consentId())) {
            throw new ConflictException("case.consent.exists");
        }
        if (command.givenOn().isAfter(today)) {
            throw new InvalidInputException("givenOn", "case.consent.given-in-future");
        }
        if (!command.validUntil().isAfter(command.givenOn())) {
            throw new InvalidInputException("validUntil", "case.consent.ends-before-it-starts");
        }
        if (IMMIGRATION_OFFICE.equals(command.recipient())
                && command.dataCategories().contains(DataCategory.YOUTH_WELFARE_ENTRUSTED)) {
            throw new RuleViolationException("youth_welfare_data_never_goes_to_the_immigration_office",
                    "case.consent.youth-welfare-to-immigration-office");
        }
        apply(new ConsentRecordedEvent(id, command.consentId(), command.recipient(), Set.copyOf(command.purposes()),
                Set.copyOf(command.dataCategories()), command.form(), command.givenOn(), command.validUntil(),
                texts.seal(tenant, id, command.evidenceReference())));
    }

    @CommandHandler
    void handle(RevokeConsentCommand command, @MetaDataValue(Actor.TENANT) String tenant, Actor actor, Clock clock) {
        requireCaseOf(tenant, actor);
        Consent consent = consents.get(command.consentId());
        if (consent == null) {
            throw new NotFoundException("case.consent.not-found");
        }
        if (consent.revoked()) {
            throw new ConflictException("case.consent.already-revoked");
        }
        if (consent.expired()) {
            throw new ConflictException("case.consent.expired");
        }
        LocalDate today = LocalDate.now(clock);
        apply(new ConsentRevokedEvent(id, command.consentId(), consent.recipient(), today));
        withdrawSharedAchievements(command.consentId(), today);
    }

    /**
     * Ends a consent the day after its last day of validity, as a revocation would: its recipient
     * learns it (the same Kafka path) and deletes what it holds under it. Also for a closed or
     * erased case: the recipient's copy has to go all the same.
     */
    @CommandHandler
    void handle(ExpireConsentCommand command, @MetaDataValue(Actor.TENANT) String tenant, Actor actor, Clock clock) {
        requireCaseOf(tenant, actor);
        Consent consent = consents.get(command.consentId());
        if (consent == null) {
            throw new NotFoundException("case.consent.not-found");
        }
        if (consent.revoked() || consent.expired()) {
            throw new ConflictException("case.consent.ended");
        }
        LocalDate today = LocalDate.now(clock);
        if (!today.isAfter(consent.validUntil())) {
            throw new RuleViolationException("a_consent_expires_after_its_last_valid_day", "case.consent.still-valid");
        }
        apply(new ConsentExpiredEvent(id, command.consentId(), consent.recipient(), today));
        withdrawSharedAchievements(command.consentId(), today);
    }

    /**
     * The immigration office removes what it received under a consent that ended: one event per
     * record the achievements went to (a case may have been linked to another record since).
     */
    private void withdrawSharedAchievements(ConsentId consent, LocalDate today) {
        Map<String, List<AchievementId>> byRecord = new LinkedHashMap<>();
        sharedAchievements.forEach((achievement, shared) -> {
            if (shared.consent().equals(consent)) {
                byRecord.computeIfAbsent(shared.residenceRecordId(), r -> new ArrayList<>()).add(achievement);
            }
        });
        byRecord.forEach((record, underIt) ->
                apply(new SharedAchievementsWithdrawnEvent(id, consent, record, underIt, today)));
    }

    // --- needs and plan ------------------------------------------------------------------

    @CommandHandler
    void handle(AssessNeedCommand command, @MetaDataValue(Actor.TENANT) String tenant, Actor actor, Clock clock,
                CaseTexts texts) {
        requireOpenCaseOf(tenant, actor);
        if (needs.containsKey(command.needId())) {
            throw new ConflictException("case.need.exists");
        }
        apply(new NeedAssessedEvent(id, command.needId(), command.fieldOfAction(), command.priority(),
                texts.seal(tenant, id, command.description()), LocalDate.now(clock)));
        if (command.entrusted()) {
            apply(new MarkedEntrustedEvent(id, EntrustedItem.NEED, command.needId().value(), LocalDate.now(clock)));
        }
    }

    @CommandHandler
    void handle(UpdateNeedCommand command, @MetaDataValue(Actor.TENANT) String tenant, Actor actor, CaseTexts texts) {
        requireOpenCaseOf(tenant, actor);
        openNeed(command.needId());
        apply(new NeedUpdatedEvent(id, command.needId(), command.priority(),
                texts.seal(tenant, id, command.description())));
    }

    @CommandHandler
    void handle(ResolveNeedCommand command, @MetaDataValue(Actor.TENANT) String tenant, Actor actor, Clock clock) {
        requireOpenCaseOf(tenant, actor);
        Need need = openNeed(command.needId());
        apply(new NeedResolvedEvent(id, command.needId(), need.field(), LocalDate.now(clock)));
    }

    @CommandHandler
    void handle(AgreeIntegrationPlanCommand command, @MetaDataValue(Actor.TENANT) String tenant, Actor actor, Clock clock,
                CaseTexts texts) {
        requireOpenCaseOf(tenant, actor);
        if (command.agreedOn().isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("agreedOn", "case.plan.agreed-in-future");
        }
        Set<GoalId> seen = new HashSet<>();
        for (int i = 0; i < command.goals().size(); i++) {
            PlannedGoal goal = command.goals().get(i);
            if (goal.targetDate().isBefore(command.agreedOn())) {
                throw new InvalidInputException("goals[" + i + "].targetDate", "case.plan.target-before-agreement");
            }
            Goal existing = goals.get(goal.goalId());
            if (!seen.add(goal.goalId()) || (existing != null && !existing.open())) {
                throw new ConflictException("case.plan.goal-not-open");
            }
        }
        apply(new IntegrationPlanAgreedEvent(id, command.goals().stream()
                .map(g -> new IntegrationPlanAgreedEvent.AgreedGoal(g.goalId(), g.fieldOfAction(),
                        texts.seal(tenant, id, g.description()), g.targetDate()))
                .toList(), command.agreedOn()));
    }

    @CommandHandler
    void handle(AchieveGoalCommand command, @MetaDataValue(Actor.TENANT) String tenant, Actor actor, Clock clock) {
        requireOpenCaseOf(tenant, actor);
        Goal goal = openGoal(command.goalId());
        if (command.achievedOn().isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("achievedOn", "case.goal.achieved-in-future");
        }
        apply(new GoalAchievedEvent(id, command.goalId(), goal.field(), command.achievedOn()));
    }

    @CommandHandler
    void handle(DropGoalCommand command, @MetaDataValue(Actor.TENANT) String tenant, Actor actor, CaseTexts texts) {
        requireOpenCaseOf(tenant, actor);
        Goal goal = openGoal(command.goalId());
        apply(new GoalDroppedEvent(id, command.goalId(), goal.field(), texts.seal(tenant, id, command.reason())));
    }

    // --- referrals -----------------------------------------------------------------------

    @CommandHandler
    void handle(MakeReferralCommand command, @MetaDataValue(Actor.TENANT) String tenant, Actor actor,
                PartnerDirectory partners, PersonalDataVault vault, CaseTexts texts, Clock clock) {
        requireOpenCaseOf(tenant, actor);
        if (referrals.containsKey(command.referralId())) {
            throw new ConflictException("case.referral.exists");
        }
        Need need = openNeed(command.needId());
        if (isEntrusted(EntrustedItem.NEED, command.needId().value())) {
            throw new RuleViolationException("entrusted_data_never_leaves_case_management",
                    "case.referral.entrusted-need");
        }
        PartnerDirectory.Offer offer = partners.activeOffer(tenant, command.partnerId(), command.offerId())
                .orElseThrow(() -> new RuleViolationException("referral_needs_an_active_offer_of_a_known_partner",
                        "case.referral.unknown-offer"));
        boolean alreadyReferred = referrals.values().stream().anyMatch(r -> r.live()
                && r.offerId().equals(command.offerId()) && r.needId().equals(command.needId()));
        if (alreadyReferred) {
            throw new ConflictException("case.referral.already-open");
        }
        LocalDate today = LocalDate.now(clock);
        Map.Entry<ConsentId, Consent> consent = consents.entrySet().stream()
                .filter(e -> e.getValue().covers(command.partnerId(), ConsentPurpose.REFERRAL, today))
                .findFirst()
                .orElseThrow(() -> new RuleViolationException("referral_needs_consent_for_the_partner",
                        "case.referral.no-consent"));
        Set<DataCategory> released = consent.getValue().categories();
        ClientProfile profile = vault.open(tenant, client, ClientProfile.class)
                .orElseThrow(() -> new ConflictException("case.erased"));
        SharedClientData shared = releasedPartOf(profile, released,
                released.contains(DataCategory.NEEDS) ? texts.open(tenant, need.description()) : null);
        apply(new ReferralMadeEvent(id, command.referralId(), offer.partnerId(), offer.offerId(), command.needId(),
                need.field(), consent.getKey(), released, vault.seal(tenant, id.value(), shared),
                texts.seal(tenant, id, command.note()), today));
    }

    @CommandHandler
    void handle(WithdrawReferralCommand command, @MetaDataValue(Actor.TENANT) String tenant, Actor actor, CaseTexts texts) {
        requireCaseOf(tenant, actor);
        Referral referral = referral(command.referralId());
        if (!referral.live()) {
            throw new ConflictException("case.referral.not-live");
        }
        apply(new ReferralWithdrawnEvent(id, command.referralId(), referral.partnerId(),
                texts.seal(tenant, id, command.reason())));
    }

    /** The partner's answer arrives by event; a repeated answer changes nothing. */
    @CommandHandler
    void handle(RecordReferralAnswerCommand command, @MetaDataValue(Actor.TENANT) String tenant, Actor actor,
                CaseTexts texts) {
        requireCaseOf(tenant, actor);
        Referral referral = referral(command.referralId());
        if (referral.status() == command.answer()) {
            return;
        }
        boolean allowed = switch (command.answer()) {
            case ACCEPTED, DECLINED -> referral.status() == ReferralStatus.MADE;
            case COMPLETED -> referral.live();
            default -> false;
        };
        if (!allowed) {
            throw new ConflictException("case.referral.answer-not-allowed");
        }
        switch (command.answer()) {
            case ACCEPTED -> apply(new ReferralAcceptedEvent(id, command.referralId(), referral.partnerId(),
                    command.answeredAt()));
            case DECLINED -> apply(new ReferralDeclinedEvent(id, command.referralId(), referral.partnerId(),
                    texts.seal(tenant, id, command.reason()), command.answeredAt()));
            default -> apply(new ReferralCompletedEvent(id, command.referralId(), referral.partnerId(),
                    texts.seal(tenant, id, command.result()), command.answeredAt()));
        }
    }

    // --- measures and double funding -----------------------------------------------------

    @CommandHandler
    MeasureOutcome handle(RecordMeasureCommand command, @MetaDataValue(Actor.TENANT) String tenant, Actor actor,
                          CaseTexts texts, Clock clock) {
        requireOpenCaseOf(tenant, actor);
        if (measures.containsKey(command.measureId())) {
            throw new ConflictException("case.measure.exists");
        }
        if (command.to().isBefore(command.from())) {
            throw new InvalidInputException("to", "case.measure.ends-before-it-starts");
        }
        if (!needs.containsKey(command.needId())) {
            throw new NotFoundException("case.need.not-found");
        }
        List<Map.Entry<MeasureId, Measure>> overlapping = measures.entrySet().stream()
                .filter(e -> !e.getValue().withdrawn() && e.getValue().kind() == command.kind()
                        && e.getValue().needId().equals(command.needId())
                        && e.getValue().overlaps(command.from(), command.to()))
                .toList();
        apply(new MeasureRecordedEvent(id, command.measureId(), command.kind(), command.needId(), command.fundedBy(),
                command.from(), command.to(), texts.seal(tenant, id, command.provider()), !overlapping.isEmpty()));
        if (command.entrusted()) {
            apply(new MarkedEntrustedEvent(id, EntrustedItem.MEASURE, command.measureId().value(),
                    LocalDate.now(clock)));
        }
        for (Map.Entry<MeasureId, Measure> other : overlapping) {
            apply(new DoubleFundingWarnedEvent(id, command.measureId(), other.getKey(), command.kind(),
                    command.fundedBy(), other.getValue().fundedBy()));
        }
        return new MeasureOutcome(!overlapping.isEmpty(), overlapping.stream().map(Map.Entry::getKey).toList());
    }

    @CommandHandler
    void handle(ConfirmMeasureCommand command, @MetaDataValue(Actor.TENANT) String tenant, Actor actor, CaseTexts texts) {
        requireOpenCaseOf(tenant, actor);
        Measure measure = measure(command.measureId());
        if (!measure.awaitingConfirmation() || measure.withdrawn()) {
            throw new ConflictException("case.measure.nothing-to-confirm");
        }
        apply(new MeasureConfirmedEvent(id, command.measureId(), texts.seal(tenant, id, command.justification())));
    }

    @CommandHandler
    void handle(WithdrawMeasureCommand command, @MetaDataValue(Actor.TENANT) String tenant, Actor actor, CaseTexts texts) {
        requireOpenCaseOf(tenant, actor);
        if (measure(command.measureId()).withdrawn()) {
            throw new ConflictException("case.measure.already-withdrawn");
        }
        apply(new MeasureWithdrawnEvent(id, command.measureId(), texts.seal(tenant, id, command.reason())));
    }

    // --- legal domains, follow-ups, themes -----------------------------------------------

    @CommandHandler
    void handle(ChangeLegalDomainsCommand command, @MetaDataValue(Actor.TENANT) String tenant, Actor actor) {
        requireOpenCaseOf(tenant, actor);
        if (command.legalDomains().equals(legalDomains)) {
            throw new ConflictException("case.legal-domains.unchanged");
        }
        if (legalDomainsSince != null && command.since().isBefore(legalDomainsSince)) {
            throw new InvalidInputException("since", "case.legal-domains.before-last-change");
        }
        apply(new LegalDomainsChangedEvent(id, legalDomains, Set.copyOf(command.legalDomains()), command.since()));
    }

    @CommandHandler
    void handle(ScheduleFollowUpCommand command, @MetaDataValue(Actor.TENANT) String tenant, Actor actor, Clock clock,
                CaseTexts texts) {
        requireOpenCaseOf(tenant, actor);
        if (followUpsDone.containsKey(command.followUpId())) {
            throw new ConflictException("case.follow-up.exists");
        }
        if (command.dueOn().isBefore(LocalDate.now(clock))) {
            throw new InvalidInputException("dueOn", "case.follow-up.due-in-past");
        }
        apply(new FollowUpScheduledEvent(id, command.followUpId(), command.dueOn(),
                texts.seal(tenant, id, command.subject()),
                command.assignee() == null ? assignee : command.assignee()));
    }

    @CommandHandler
    void handle(CompleteFollowUpCommand command, @MetaDataValue(Actor.TENANT) String tenant, Actor actor, Clock clock) {
        requireCaseOf(tenant, actor);
        Boolean done = followUpsDone.get(command.followUpId());
        if (done == null) {
            throw new NotFoundException("case.follow-up.not-found");
        }
        if (done) {
            throw new ConflictException("case.follow-up.already-done");
        }
        apply(new FollowUpCompletedEvent(id, command.followUpId(), LocalDate.now(clock)));
    }

    @CommandHandler
    void handle(TagThemeCommand command, @MetaDataValue(Actor.TENANT) String tenant, Actor actor, ThemeCatalogue catalogue,
                CaseTexts texts) {
        requireOpenCaseOf(tenant, actor);
        boolean freeText = command.themeCode() == null || ThemeCatalogue.FREE_TEXT.equals(command.themeCode());
        if (freeText && (command.freeText() == null || command.freeText().isBlank())) {
            throw new InvalidInputException("freeText", "case.theme.free-text-missing");
        }
        if (!freeText && !catalogue.contains(command.themeCode())) {
            throw new InvalidInputException("themeCode", "case.theme.unknown", command.themeCode());
        }
        String code = freeText ? ThemeCatalogue.FREE_TEXT : command.themeCode();
        boolean tagged = freeText
                ? freeTextThemes.stream().anyMatch(t -> command.freeText().trim().equals(texts.open(tenant, t)))
                : catalogueThemes.contains(code);
        if (tagged) {
            throw new ConflictException("case.theme.already-tagged");
        }
        apply(new ThemeTaggedEvent(id, code, freeText ? texts.seal(tenant, id, command.freeText().trim()) : null));
    }

    // --- achievements and the immigration office -----------------------------------------

    @CommandHandler
    void handle(LinkResidenceRecordCommand command, @MetaDataValue(Actor.TENANT) String tenant, Actor actor) {
        requireOpenCaseOf(tenant, actor);
        if (command.residenceRecordId().equals(residenceRecordId)) {
            throw new ConflictException("case.residence-record.already-linked");
        }
        apply(new ResidenceRecordLinkedEvent(id, command.residenceRecordId()));
    }

    /** Records the achievement and shares it with the immigration office where a consent allows it today. */
    @CommandHandler
    AchievementOutcome handle(RecordAchievementCommand command, @MetaDataValue(Actor.TENANT) String tenant, Actor actor, Clock clock) {
        requireOpenCaseOf(tenant, actor);
        LocalDate today = LocalDate.now(clock);
        if (achievements.contains(command.achievementId())) {
            throw new ConflictException("case.achievement.exists");
        }
        boolean language = command.kind() == AchievementKind.LANGUAGE_CERTIFICATE;
        if (language != (command.level() != null)) {
            throw new InvalidInputException("level", "case.achievement.level-for-language-only");
        }
        if (language && !LANGUAGE_LEVELS.contains(command.level())) {
            throw new InvalidInputException("level", "case.achievement.level-unknown", command.level());
        }
        if (command.achievedOn().isAfter(today)) {
            throw new InvalidInputException("achievedOn", "case.achievement.in-future");
        }
        apply(new AchievementRecordedEvent(id, command.achievementId(), command.kind(), command.level(),
                command.achievedOn()));
        if (command.entrusted()) {
            apply(new MarkedEntrustedEvent(id, EntrustedItem.ACHIEVEMENT, command.achievementId().value(), today));
            return new AchievementOutcome(false);
        }
        if (residenceRecordId == null) {
            return new AchievementOutcome(false);
        }
        return consents.entrySet().stream()
                .filter(e -> e.getValue().covers(IMMIGRATION_OFFICE, ConsentPurpose.RESIDENCE_MATTERS, today)
                        && e.getValue().categories().contains(DataCategory.ACHIEVEMENTS))
                .findFirst()
                .map(consent -> {
                    apply(new AchievementSharedEvent(id, residenceRecordId, command.achievementId(), command.kind(),
                            command.level(), command.achievedOn(), consent.getKey()));
                    return new AchievementOutcome(true);
                })
                .orElse(new AchievementOutcome(false));
    }

    /**
     * Asks the immigration office to check the client's residence status: only for a case linked
     * to a residence record, and only under a consent for the office with purpose
     * {@code RESIDENCE_MATTERS} valid today that releases the residence status (data category
     * {@code RESIDENCE_STATUS}): the check exchanges exactly that with the office.
     */
    @CommandHandler
    void handle(RequestStatusCheckCommand command, @MetaDataValue(Actor.TENANT) String tenant, Actor actor, Clock clock) {
        requireOpenCaseOf(tenant, actor);
        if (statusChecks.contains(command.statusCheckId())) {
            throw new ConflictException("case.status-check.exists");
        }
        if (residenceRecordId == null) {
            throw new RuleViolationException("status_check_needs_a_linked_residence_record",
                    "case.status-check.no-residence-record");
        }
        LocalDate today = LocalDate.now(clock);
        List<ConsentId> forResidenceMatters = consents.entrySet().stream()
                .filter(e -> e.getValue().covers(IMMIGRATION_OFFICE, ConsentPurpose.RESIDENCE_MATTERS, today))
                .map(Map.Entry::getKey)
                .toList();
        if (forResidenceMatters.isEmpty()) {
            throw new RuleViolationException("status_check_needs_consent_for_the_immigration_office",
                    "case.status-check.no-consent");
        }
        ConsentId consent = forResidenceMatters.stream()
                .filter(c -> consents.get(c).categories().contains(DataCategory.RESIDENCE_STATUS))
                .findFirst()
                .orElseThrow(() -> new RuleViolationException("status_check_needs_consent_releasing_the_residence_status",
                        "case.status-check.no-residence-status-category"));
        apply(new StatusCheckRequestedEvent(id, command.statusCheckId(), residenceRecordId, consent, today));
    }

    // --- entrusted data (§ 65 SGB VIII) ---------------------------------------------------

    @CommandHandler
    void handle(MarkEntrustedCommand command, @MetaDataValue(Actor.TENANT) String tenant, Actor actor, Clock clock) {
        requireOpenCaseOf(tenant, actor);
        boolean known = switch (command.item()) {
            case NEED -> needs.containsKey(new NeedId(command.itemId()));
            case MEASURE -> measures.containsKey(new MeasureId(command.itemId()));
            case ACHIEVEMENT -> achievements.contains(new AchievementId(command.itemId()));
        };
        if (!known) {
            throw new NotFoundException("case.entrusted.item-not-found");
        }
        if (isEntrusted(command.item(), command.itemId())) {
            throw new ConflictException("case.entrusted.already-marked");
        }
        LocalDate today = LocalDate.now(clock);
        apply(new MarkedEntrustedEvent(id, command.item(), command.itemId(), today));
        Shared shared = command.item() == EntrustedItem.ACHIEVEMENT
                ? sharedAchievements.get(new AchievementId(command.itemId())) : null;
        if (shared != null) {
            // Shared before it was marked: the office's copy goes now.
            apply(new SharedAchievementsWithdrawnEvent(id, shared.consent(), shared.residenceRecordId(),
                    List.of(new AchievementId(command.itemId())), today));
        }
    }

    private boolean isEntrusted(EntrustedItem item, String itemId) {
        return entrusted.getOrDefault(item, Set.of()).contains(itemId);
    }

    // --- hand-over, closure --------------------------------------------------------------

    @CommandHandler
    void handle(HandOverCaseCommand command, @MetaDataValue(Actor.TENANT) String tenant, Actor actor, CaseTexts texts) {
        requireOpenCaseOf(tenant, actor);
        if (command.toCaseManager().equals(assignee)) {
            throw new ConflictException("case.handover.same-case-manager");
        }
        apply(new CaseHandedOverEvent(id, assignee, command.toCaseManager(), texts.seal(tenant, id, command.note())));
    }

    @CommandHandler
    void handle(CloseCaseCommand command, @MetaDataValue(Actor.TENANT) String tenant, Actor actor, Clock clock,
                CaseTexts texts) {
        requireOpenCaseOf(tenant, actor);
        apply(new CaseClosedEvent(id, command.outcome(), texts.seal(tenant, id, command.note()), LocalDate.now(clock)));
    }

    @CommandHandler
    void handle(ReopenCaseCommand command, @MetaDataValue(Actor.TENANT) String tenant, Actor actor, Clock clock,
                CaseTexts texts) {
        requireCaseOf(tenant, actor);
        if (erased) {
            throw new ConflictException("case.erased");
        }
        if (!closed) {
            throw new ConflictException("case.not-closed");
        }
        apply(new CaseReopenedEvent(id, texts.seal(tenant, id, command.reason()), LocalDate.now(clock)));
    }

    // --- data protection -----------------------------------------------------------------

    /**
     * Erases the client's personal data. A legal hold or a dispute stops it; the retention
     * ground applies to closed cases only. The key itself is shredded once the event is stored
     * ({@code KeyShredder}).
     */
    @CommandHandler
    void handle(EraseClientCommand command, @MetaDataValue(Actor.TENANT) String tenant, Actor actor, Clock clock,
                CaseTexts texts) {
        requireCaseOf(tenant, actor);
        if (erased) {
            throw new ConflictException("case.erased");
        }
        if (erasureBlocks.contains(ErasureBlock.LEGAL_HOLD)) {
            throw new RuleViolationException("no_erasure_under_legal_hold", "case.erasure.legal-hold");
        }
        if (erasureBlocks.contains(ErasureBlock.DISPUTED)) {
            throw new RuleViolationException("no_erasure_of_disputed_data", "case.erasure.disputed");
        }
        if (command.ground() == ErasureGround.RETENTION_EXPIRED && !closed) {
            throw new RuleViolationException("retention_runs_from_closure", "case.erasure.not-closed");
        }
        apply(new ClientErasedEvent(id, tenant, command.ground(), texts.seal(tenant, id, command.reference()),
                LocalDate.now(clock)));
    }

    @CommandHandler
    void handle(SetErasureBlockCommand command, @MetaDataValue(Actor.TENANT) String tenant, Actor actor, Clock clock,
                CaseTexts texts) {
        requireCaseOf(tenant, actor);
        if (erased) {
            throw new ConflictException("case.erased");
        }
        if (erasureBlocks.contains(command.block()) != command.active()) {
            apply(new ErasureBlockChangedEvent(id, command.block(), command.active(), texts.seal(tenant, id, command.reason()),
                    LocalDate.now(clock)));
        }
    }

    // --- rules shared by the handlers ----------------------------------------------------

    /** Another tenant's case is answered exactly like a case that does not exist. */
    /**
     * The case of the acting tenant, and for a plain case manager one assigned to them: any
     * other case is "not found", so no one learns that it exists.
     */
    private void requireCaseOf(String actingTenant, Actor actor) {
        if (!tenant.equals(actingTenant) || !CaseAccess.mayWork(actor, assignee)) {
            throw new NotFoundException("case.not-found");
        }
    }

    private void requireOpenCaseOf(String actingTenant, Actor actor) {
        requireCaseOf(actingTenant, actor);
        if (erased) {
            throw new ConflictException("case.erased");
        }
        if (closed) {
            throw new ConflictException("case.closed");
        }
    }

    /** The client's data as far as the given categories release it; the town is always shared. */
    private static SharedClientData releasedPartOf(ClientProfile client, Set<DataCategory> released,
                                                   String needDescription) {
        boolean identity = released.contains(DataCategory.IDENTITY);
        ClientProfile.Contact contact = released.contains(DataCategory.CONTACT) && client.contact() != null
                ? client.contact() : new ClientProfile.Contact(null, null, null);
        return new SharedClientData(identity ? client.givenName() : null, identity ? client.familyName() : null,
                identity ? client.dateOfBirth() : null,
                released.contains(DataCategory.LANGUAGES) && !client.languages().isEmpty() ? client.languages() : null,
                contact.phone(), contact.email(), contact.address(), client.town(), needDescription);
    }

    private Need openNeed(NeedId needId) {
        Need need = needs.get(needId);
        if (need == null) {
            throw new NotFoundException("case.need.not-found");
        }
        if (need.resolved()) {
            throw new ConflictException("case.need.resolved");
        }
        return need;
    }

    private Goal openGoal(GoalId goalId) {
        Goal goal = goals.get(goalId);
        if (goal == null) {
            throw new NotFoundException("case.goal.not-found");
        }
        if (!goal.open()) {
            throw new ConflictException("case.goal.not-open");
        }
        return goal;
    }

    private Referral referral(ReferralId referralId) {
        Referral referral = referrals.get(referralId);
        if (referral == null) {
            throw new NotFoundException("case.referral.not-found");
        }
        return referral;
    }

    private Measure measure(MeasureId measureId) {
        Measure measure = measures.get(measureId);
        if (measure == null) {
            throw new NotFoundException("case.measure.not-found");
        }
        return measure;
    }

    // --- state ---------------------------------------------------------------------------

    @EventSourcingHandler
    void on(CaseOpenedEvent event) {
        this.id = event.caseId();
        this.tenant = event.tenant();
        this.assignee = event.assignee();
        this.client = event.client();
    }

    @EventSourcingHandler
    void on(ClientErasedEvent e) {
        erased = true;
        closed = true;
        client = null;
    }

    @EventSourcingHandler
    void on(ErasureBlockChangedEvent e) {
        if (e.active()) {
            erasureBlocks.add(e.block());
        } else {
            erasureBlocks.remove(e.block());
        }
    }

    @EventSourcingHandler
    void on(ConsentRecordedEvent e) {
        consents.put(e.consentId(), new Consent(e.recipient(), e.purposes(), e.dataCategories(), e.givenOn(),
                e.validUntil(), false, false));
    }

    @EventSourcingHandler
    void on(ConsentRevokedEvent e) {
        consents.computeIfPresent(e.consentId(), (k, c) -> c.ended(true));
    }

    @EventSourcingHandler
    void on(ConsentExpiredEvent e) {
        consents.computeIfPresent(e.consentId(), (k, c) -> c.ended(false));
    }

    @EventSourcingHandler
    void on(AchievementSharedEvent e) {
        sharedAchievements.put(e.achievementId(), new Shared(e.consentId(), e.residenceRecordId()));
    }

    @EventSourcingHandler
    void on(SharedAchievementsWithdrawnEvent e) {
        e.achievementIds().forEach(sharedAchievements::remove);
    }

    @EventSourcingHandler
    void on(MarkedEntrustedEvent e) {
        entrusted.computeIfAbsent(e.item(), k -> new HashSet<>()).add(e.itemId());
    }

    @EventSourcingHandler
    void on(NeedAssessedEvent e) {
        needs.put(e.needId(), new Need(e.fieldOfAction(), e.description(), false));
    }

    @EventSourcingHandler
    void on(NeedUpdatedEvent e) {
        Need need = needs.get(e.needId());
        needs.put(e.needId(), new Need(need.field(), e.description(), false));
    }

    @EventSourcingHandler
    void on(NeedResolvedEvent e) {
        needs.put(e.needId(), new Need(e.fieldOfAction(), needs.get(e.needId()).description(), true));
    }

    @EventSourcingHandler
    void on(IntegrationPlanAgreedEvent e) {
        for (IntegrationPlanAgreedEvent.AgreedGoal goal : e.goals()) {
            goals.put(goal.goalId(), new Goal(goal.fieldOfAction(), true));
        }
    }

    @EventSourcingHandler
    void on(GoalAchievedEvent e) {
        goals.put(e.goalId(), new Goal(e.fieldOfAction(), false));
    }

    @EventSourcingHandler
    void on(GoalDroppedEvent e) {
        goals.put(e.goalId(), new Goal(e.fieldOfAction(), false));
    }

    @EventSourcingHandler
    void on(ReferralMadeEvent e) {
        referrals.put(e.referralId(), new Referral(e.partnerId(), e.offerId(), e.needId(), ReferralStatus.MADE));
    }

    @EventSourcingHandler
    void on(ReferralAcceptedEvent e) {
        referralNow(e.referralId(), ReferralStatus.ACCEPTED);
    }

    @EventSourcingHandler
    void on(ReferralDeclinedEvent e) {
        referralNow(e.referralId(), ReferralStatus.DECLINED);
    }

    @EventSourcingHandler
    void on(ReferralCompletedEvent e) {
        referralNow(e.referralId(), ReferralStatus.COMPLETED);
    }

    @EventSourcingHandler
    void on(ReferralWithdrawnEvent e) {
        referralNow(e.referralId(), ReferralStatus.WITHDRAWN);
    }

    private void referralNow(ReferralId referralId, ReferralStatus status) {
        Referral r = referrals.get(referralId);
        referrals.put(referralId, new Referral(r.partnerId(), r.offerId(), r.needId(), status));
    }

    @EventSourcingHandler
    void on(MeasureRecordedEvent e) {
        measures.put(e.measureId(), new Measure(e.kind(), e.needId(), e.fundedBy(), e.from(), e.to(),
                e.awaitingConfirmation(), false));
    }

    @EventSourcingHandler
    void on(MeasureConfirmedEvent e) {
        Measure m = measures.get(e.measureId());
        measures.put(e.measureId(), new Measure(m.kind(), m.needId(), m.fundedBy(), m.from(), m.to(), false, false));
    }

    @EventSourcingHandler
    void on(MeasureWithdrawnEvent e) {
        Measure m = measures.get(e.measureId());
        measures.put(e.measureId(), new Measure(m.kind(), m.needId(), m.fundedBy(), m.from(), m.to(), false, true));
    }

    @EventSourcingHandler
    void on(LegalDomainsChangedEvent e) {
        legalDomains = e.current();
        legalDomainsSince = e.since();
    }

    @EventSourcingHandler
    void on(FollowUpScheduledEvent e) {
        followUpsDone.put(e.followUpId(), false);
    }

    @EventSourcingHandler
    void on(FollowUpCompletedEvent e) {
        followUpsDone.put(e.followUpId(), true);
    }

    @EventSourcingHandler
    void on(ThemeTaggedEvent e) {
        if (e.freeText() == null) {
            catalogueThemes.add(e.themeCode());
        } else {
            freeTextThemes.add(e.freeText());
        }
    }

    @EventSourcingHandler
    void on(ResidenceRecordLinkedEvent e) {
        residenceRecordId = e.residenceRecordId();
    }

    @EventSourcingHandler
    void on(AchievementRecordedEvent e) {
        achievements.add(e.achievementId());
    }

    @EventSourcingHandler
    void on(StatusCheckRequestedEvent e) {
        statusChecks.add(e.statusCheckId());
    }

    @EventSourcingHandler
    void on(CaseHandedOverEvent e) {
        assignee = e.toCaseManager();
    }

    @EventSourcingHandler
    void on(CaseClosedEvent e) {
        closed = true;
    }

    @EventSourcingHandler
    void on(CaseReopenedEvent e) {
        closed = false;
    }
}
