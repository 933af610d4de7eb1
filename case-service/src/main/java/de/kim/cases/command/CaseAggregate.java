package de.kim.cases.command;

import de.kim.cases.api.*;
import de.kim.cases.privacy.CaseTexts;
import de.kim.contracts.cases.SharedClientData;
import de.kim.contracts.vocabulary.AchievementKind;
import de.kim.contracts.vocabulary.ConsentPurpose;
import de.kim.contracts.vocabulary.DataCategory;
import de.kim.platform.config.TenantDirectory;
import de.kim.platform.domain.Actor;
import de.kim.platform.domain.ConflictException;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.domain.NotFoundException;
import de.kim.platform.domain.RuleViolationException;
import de.kim.platform.domain.TenantId;
import de.kim.platform.privacy.PersonalDataVault;
import de.kim.platform.privacy.Sealed;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A client's case in case management, the root of the aggregate: its life (opening, hand-over,
 * closure, reopening, erasure) and the commands that need several of its parts. Each part is an
 * entity with the commands that concern it alone ({@link Consents}, {@link NeedsAndPlan},
 * {@link Referrals}, {@link Measures}, {@link FollowUps}, {@link Themes}, {@link LegalDomains},
 * {@link ResidenceMatters}, {@link Entrusted}, {@link Contacts},
 * {@link WorkItems}); every command to an existing case first passes
 * {@link #admit}: whose case it is and whether its state takes the command.
 */
@Aggregate(cache = CaseAggregate.CACHE)
public class CaseAggregate {

    /** The bean that keeps the cases commanded last in memory (case-service's {@code CaseCache}). */
    public static final String CACHE = "caseCache";

    /** The recipient id that stands for the immigration office in a consent. */
    public static final String IMMIGRATION_OFFICE = de.kim.contracts.cases.ConsentRevoked.IMMIGRATION_OFFICE;

    @AggregateIdentifier
    private CaseId id;
    private CaseRef caseRef;
    private String assignee;
    private Sealed client;
    private boolean closed;
    private boolean erased;
    private final Set<ErasureBlock> erasureBlocks = EnumSet.noneOf(ErasureBlock.class);

    @AggregateMember
    private Consents consents;
    @AggregateMember
    private NeedsAndPlan needsAndPlan;
    @AggregateMember
    private Referrals referrals;
    @AggregateMember
    private Measures measures;
    @AggregateMember
    private FollowUps followUps;
    @AggregateMember
    private Themes themes;
    @AggregateMember
    private LegalDomains legalDomains;
    @AggregateMember
    private ResidenceMatters residenceMatters;
    @AggregateMember
    private Entrusted entrusted;
    @AggregateMember
    private Contacts contacts;
    @AggregateMember
    private WorkItems workItems;

    protected CaseAggregate() {
        // for Axon
    }

    @CommandHandler
    public CaseAggregate(OpenCaseCommand command, @MetaDataValue(Actor.TENANT) String tenant,
                         TenantDirectory tenants, PersonalDataVault vault, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        ClientProfile client = command.client();
        checkClient(client, tenant, tenants, today);
        apply(new CaseOpenedEvent(command.caseId(), tenant, command.caseNumber(),
                vault.seal(tenant, command.caseId().value(), client), client.town(), command.targetGroup(),
                command.accessRoute(), command.assignee(), today));
    }

    private static void checkClient(ClientProfile client, String tenant, TenantDirectory tenants, LocalDate today) {
        if (client.dateOfBirth().isAfter(today)) {
            throw new InvalidInputException("client.dateOfBirth", "case.client.date-of-birth-in-future");
        }
        if (!tenants.servesTown(new TenantId(tenant), client.town())) {
            throw new InvalidInputException("client.town", "case.client.town-unknown", client.town());
        }
    }

    /** The tenant and open-case check for every command to the case, whichever part handles it. */
    @CommandHandlerInterceptor
    Object admit(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        CaseGuard.admit(command, caseRef.tenant(), assignee, closed, erased);
        return chain.proceed();
    }

    // --- commands across parts -----------------------------------------------------------

    @CommandHandler
    void handle(MakeReferralCommand command, PartnerDirectory partners, PersonalDataVault vault, CaseTexts texts,
                Clock clock) {
        referrals.requireNew(command.referralId());
        NeedsAndPlan.Need need = needsAndPlan.openNeed(command.needId());
        if (entrusted.contains(EntrustedItem.NEED, command.needId().value())) {
            throw new RuleViolationException("entrusted_data_never_leaves_case_management",
                    "case.referral.entrusted-need");
        }
        PartnerDirectory.Offer offer = partners.activeOffer(caseRef.tenant(), command.partnerId(), command.offerId())
                .orElseThrow(() -> new RuleViolationException("referral_needs_an_active_offer_of_a_known_partner",
                        "case.referral.unknown-offer"));
        if (referrals.liveFor(command.offerId(), command.needId())) {
            throw new ConflictException("case.referral.already-open");
        }
        LocalDate today = LocalDate.now(clock);
        Consents.Consent consent = consents.covering(command.partnerId(), ConsentPurpose.REFERRAL, today).findFirst()
                .orElseThrow(() -> new RuleViolationException("referral_needs_consent_for_the_partner",
                        "case.referral.no-consent"));
        Set<DataCategory> released = consent.categories();
        ClientProfile profile = vault.open(caseRef.tenant(), client, ClientProfile.class)
                .orElseThrow(() -> new ConflictException("case.erased"));
        SharedClientData shared = SharedClientParts.released(profile, released,
                released.contains(DataCategory.NEEDS) ? caseRef.open(texts, need.description()) : null);
        apply(new ReferralMadeEvent(id, command.referralId(), offer.partnerId(), offer.offerId(), command.needId(),
                need.field(), consent.id(), released, vault.seal(caseRef.tenant(), id.value(), shared),
                caseRef.seal(texts, command.note()), today));
    }

    /**
     * Corrects the client's data (Art. 16 GDPR), checked as at opening; every partner that holds a
     * copy under a consent in force today gets what that consent releases of the corrected data.
     */
    @CommandHandler
    void handle(RectifyClientCommand command, TenantDirectory tenants, PersonalDataVault vault, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        ClientProfile corrected = command.client();
        checkClient(corrected, caseRef.tenant(), tenants, today);
        ClientProfile recorded = vault.open(caseRef.tenant(), client, ClientProfile.class)
                .orElseThrow(() -> new ConflictException("case.erased"));
        int changed = ClientCorrection.changedFields(recorded, corrected);
        if (changed == 0) {
            throw new ConflictException("case.client.unchanged");
        }
        List<ClientRectifiedEvent.SharedCopy> copies = referrals.partnersUnderConsent().stream()
                .flatMap(held -> consents.inForce(held.consentId(), today).stream()
                        .map(consent -> new ClientRectifiedEvent.SharedCopy(held.partnerId(), consent.id(),
                                consent.categories(), vault.seal(caseRef.tenant(), id.value(),
                                        SharedClientParts.released(corrected, consent.categories(), null)))))
                .toList();
        apply(new ClientRectifiedEvent(id, vault.seal(caseRef.tenant(), id.value(), corrected), corrected.town(),
                changed, copies, today));
    }

    /** Marks a need, measure or achievement entrusted (§ 65 SGB VIII); a copy the office holds goes. */
    @CommandHandler
    void handle(MarkEntrustedCommand command, Clock clock) {
        boolean known = switch (command.item()) {
            case NEED -> needsAndPlan.has(new NeedId(command.itemId()));
            case MEASURE -> measures.has(new MeasureId(command.itemId()));
            case ACHIEVEMENT -> residenceMatters.hasAchievement(new AchievementId(command.itemId()));
            case CONTACT -> contacts.has(new ContactId(command.itemId()));
        };
        if (!known) {
            throw new NotFoundException("case.entrusted.item-not-found");
        }
        if (entrusted.contains(command.item(), command.itemId())) {
            throw new ConflictException("case.entrusted.already-marked");
        }
        LocalDate today = LocalDate.now(clock);
        apply(new MarkedEntrustedEvent(id, command.item(), command.itemId(), today));
        if (command.item() == EntrustedItem.ACHIEVEMENT) {
            AchievementId achievement = new AchievementId(command.itemId());
            // Shared before it was marked: the office's copy goes now.
            consents.sharedAchievement(achievement).ifPresent(shared -> apply(new SharedAchievementsWithdrawnEvent(
                    id, shared.consent(), shared.residenceRecordId(), List.of(achievement), today)));
        }
    }

    // --- the case's life -----------------------------------------------------------------

    @CommandHandler
    void handle(HandOverCaseCommand command, CaseTexts texts) {
        if (command.toCaseManager().equals(assignee)) {
            throw new ConflictException("case.handover.same-case-manager");
        }
        apply(new CaseHandedOverEvent(id, assignee, command.toCaseManager(), caseRef.seal(texts, command.note())));
    }

    @CommandHandler
    void handle(CloseCaseCommand command, Clock clock, CaseTexts texts) {
        apply(new CaseClosedEvent(id, command.outcome(), caseRef.seal(texts, command.note()), LocalDate.now(clock)));
    }

    @CommandHandler
    void handle(ReopenCaseCommand command, Clock clock, CaseTexts texts) {
        if (!closed) {
            throw new ConflictException("case.not-closed");
        }
        apply(new CaseReopenedEvent(id, caseRef.seal(texts, command.reason()), LocalDate.now(clock)));
    }

    /**
     * Erases the client's personal data. A legal hold or a dispute stops it; the retention
     * ground applies to closed cases only. The key itself is shredded once the event is stored
     * ({@code KeyShredder}).
     */
    @CommandHandler
    void handle(EraseClientCommand command, Clock clock, CaseTexts texts) {
        if (erasureBlocks.contains(ErasureBlock.LEGAL_HOLD)) {
            throw new RuleViolationException("no_erasure_under_legal_hold", "case.erasure.legal-hold");
        }
        if (erasureBlocks.contains(ErasureBlock.DISPUTED)) {
            throw new RuleViolationException("no_erasure_of_disputed_data", "case.erasure.disputed");
        }
        if (command.ground() == ErasureGround.RETENTION_EXPIRED && !closed) {
            throw new RuleViolationException("retention_runs_from_closure", "case.erasure.not-closed");
        }
        apply(new ClientErasedEvent(id, caseRef.tenant(), command.ground(), caseRef.seal(texts, command.reference()),
                LocalDate.now(clock)));
    }

    @CommandHandler
    void handle(SetErasureBlockCommand command, Clock clock, CaseTexts texts) {
        if (erasureBlocks.contains(command.block()) != command.active()) {
            apply(new ErasureBlockChangedEvent(id, command.block(), command.active(),
                    caseRef.seal(texts, command.reason()), LocalDate.now(clock)));
        }
    }

    // --- state ---------------------------------------------------------------------------

    /** The case begins, and with it each of its parts. */
    @EventSourcingHandler
    void on(CaseOpenedEvent event) {
        this.id = event.caseId();
        this.caseRef = new CaseRef(event.caseId(), event.tenant());
        this.assignee = event.assignee();
        this.client = event.client();
        this.consents = new Consents(caseRef);
        this.needsAndPlan = new NeedsAndPlan(caseRef);
        this.referrals = new Referrals(caseRef);
        this.measures = new Measures(caseRef);
        this.followUps = new FollowUps(caseRef);
        this.themes = new Themes(caseRef);
        this.legalDomains = new LegalDomains(caseRef);
        this.entrusted = new Entrusted();
        this.residenceMatters = new ResidenceMatters(caseRef, consents, entrusted, () -> erased);
        this.contacts = new Contacts(caseRef);
        this.workItems = new WorkItems(caseRef);
    }

    @EventSourcingHandler
    void on(ClientRectifiedEvent e) {
        client = e.client();
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
