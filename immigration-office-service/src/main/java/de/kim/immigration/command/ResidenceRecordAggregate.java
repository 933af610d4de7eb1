package de.kim.immigration.command;

import de.kim.contracts.immigration.StatusCheckAnswered;
import de.kim.immigration.api.AchievementId;
import de.kim.immigration.api.AchievementKind;
import de.kim.immigration.api.AchievementRecordedEvent;
import de.kim.immigration.api.AchievementWithdrawnEvent;
import de.kim.immigration.api.WithdrawSharedAchievementsCommand;
import de.kim.immigration.api.AssignOfficerCommand;
import de.kim.immigration.api.CloseResidenceRecordCommand;
import de.kim.immigration.api.CompleteStatusCheckCommand;
import de.kim.immigration.api.CreateResidenceRecordCommand;
import de.kim.immigration.api.EraseResidenceRecordCommand;
import de.kim.immigration.api.ErasureGround;
import de.kim.immigration.api.HandOverToCaseManagementCommand;
import de.kim.immigration.api.HandedOverToCaseManagementEvent;
import de.kim.immigration.api.LegalBasis;
import de.kim.immigration.api.LegalHoldChangedEvent;
import de.kim.immigration.api.OfficerAssignedEvent;
import de.kim.immigration.api.Pathway;
import de.kim.immigration.api.PersonalDetails;
import de.kim.immigration.api.RecordAchievementCommand;
import de.kim.immigration.api.RecordResidenceStatusCommand;
import de.kim.immigration.api.ResidenceRecordClosedEvent;
import de.kim.immigration.api.ResidenceRecordCreatedEvent;
import de.kim.immigration.api.ResidenceRecordErasedEvent;
import de.kim.immigration.api.ResidenceRecordId;
import de.kim.immigration.api.ResidenceStatusProgressedEvent;
import de.kim.immigration.api.ResidenceStatusType;
import de.kim.immigration.api.SetLegalHoldCommand;
import de.kim.platform.domain.Actor;
import de.kim.platform.domain.ConflictException;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.domain.NotFoundException;
import de.kim.platform.domain.RuleViolationException;
import de.kim.platform.privacy.PersonalDataVault;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person's residence record at the immigration office: the sequence of residence statuses
 * and the integration achievements. It refuses what the law does not allow (a status after
 * naturalisation, a permanent status falling back, a § 104c permit beyond 18 months) and
 * records the rest as events; screening for pathways happens outside, on the read model.
 * The person's details are sealed with the record's own key (subject: the record id); a record
 * is closed when the office no longer handles the person, and erased (its key shredded) on
 * request or when the retention period after closure has passed. An erased record takes no
 * more changes.
 */
@Aggregate
public class ResidenceRecordAggregate {

    static final String CHANCEN = "§ 104c";
    /** § 104c Abs. 3 Satz 3 AufenthG: the Chancen-Aufenthaltsrecht is granted for 18 months and not extended. */
    static final int CHANCEN_MONTHS = 18;

    @AggregateIdentifier
    private ResidenceRecordId id;
    private String tenant;
    private ResidenceStatusType currentType;
    private String currentLegalBasis;
    private LocalDate currentValidFrom;
    private LocalDate currentValidUntil;
    private final Set<AchievementId> achievements = new HashSet<>();
    private String officer;
    @AggregateMember
    private final CaseCooperation caseCooperation = new CaseCooperation(this);
    private boolean closed;
    private boolean legalHold;
    private boolean erased;

    protected ResidenceRecordAggregate() {
        // for Axon
    }

    @CommandHandler
    public ResidenceRecordAggregate(CreateResidenceRecordCommand command, @MetaDataValue(Actor.TENANT) String tenant,
                                    Clock clock, PersonalDataVault vault) {
        LocalDate today = LocalDate.now(clock);
        if (command.dateOfBirth().isAfter(today)) {
            throw new InvalidInputException("dateOfBirth", "residence.date-of-birth-in-future");
        }
        if (command.entryDate().isAfter(today)) {
            throw new InvalidInputException("entryDate", "residence.entry-date-in-future");
        }
        if (command.entryDate().isBefore(command.dateOfBirth())) {
            throw new InvalidInputException("entryDate", "residence.entry-before-birth");
        }
        RecordIdentity.check(command.familyName(), command.givenName(), command.fileNumber(), command.azrNumber());
        PersonalDetails person = new PersonalDetails(command.dateOfBirth(), command.nationality(), command.entryDate(),
                command.minorChildInHousehold(), command.familyName().strip(), command.givenName().strip(),
                RecordIdentity.normalFileNumber(command.fileNumber()), command.azrNumber());
        apply(new ResidenceRecordCreatedEvent(command.recordId(), tenant,
                vault.seal(tenant, command.recordId().value(), person)));
    }

    @CommandHandler
    void handle(RecordResidenceStatusCommand command, @MetaDataValue(Actor.TENANT) String tenant) {
        requireOpenRecordOf(tenant);
        ResidenceStatusType to = command.type();
        String legalBasis = legalBasisOf(command);
        if (command.validUntil() != null && command.validUntil().isBefore(command.validFrom())) {
            throw new InvalidInputException("validUntil", "residence.status.ends-before-it-starts");
        }
        if (to.permanent() && command.validUntil() != null) {
            throw new InvalidInputException("validUntil", "residence.status.permanent-has-no-end");
        }
        if (to == ResidenceStatusType.AUFENTHALTSERLAUBNIS && command.validUntil() == null) {
            throw new InvalidInputException("validUntil", "residence.status.permit-needs-end");
        }
        if (currentType == ResidenceStatusType.EINBUERGERUNG) {
            throw new RuleViolationException("nothing-follows-naturalisation", "residence.status.after-naturalisation");
        }
        if (!StatusTransitions.allowed(currentType, to)) {
            throw new RuleViolationException("status-transition", "residence.status.transition-not-allowed",
                    currentType, to);
        }
        if (currentValidFrom != null && command.validFrom().isBefore(currentValidFrom)) {
            throw new RuleViolationException("statuses-follow-in-time", "residence.status.before-current",
                    currentValidFrom);
        }
        checkChancenAufenthaltsrecht(command, legalBasis);
        apply(new ResidenceStatusProgressedEvent(id, tenant, command.statusId(), currentType, to, legalBasis,
                command.validFrom(), command.validUntil(), Pathway.reachedBy(to, legalBasis).orElse(null)));
    }

    /**
     * Case management's consent for these achievements ended: they leave the record, closed or not.
     * An erased record holds nothing readable any more and is left as it is.
     */
    @CommandHandler
    void handle(WithdrawSharedAchievementsCommand command, @MetaDataValue(Actor.TENANT) String tenant) {
        requireSameTenant(tenant);
        if (erased) {
            return;
        }
        for (AchievementId achievement : command.achievementIds()) {
            if (achievements.contains(achievement)) {
                apply(new AchievementWithdrawnEvent(id, tenant, achievement, command.withdrawnOn()));
            }
        }
    }

    @CommandHandler
    void handle(RecordAchievementCommand command, @MetaDataValue(Actor.TENANT) String tenant, Clock clock) {
        requireOpenRecordOf(tenant);
        if (achievements.contains(command.achievementId())) {
            return; // delivered again (e.g. shared by case management twice): already on the record
        }
        if (command.caseId() != null && !caseCooperation.confirmed(command.caseId())) {
            throw new RuleViolationException("achievement-needs-a-confirmed-link", "residence.case-link.not-confirmed");
        }
        boolean language = command.kind() == AchievementKind.LANGUAGE_CERTIFICATE;
        boolean pension = command.kind() == AchievementKind.PENSION_CONTRIBUTIONS;
        if (language && command.level() == null) {
            throw new InvalidInputException("level", "residence.achievement.level-required");
        }
        if (!language && command.level() != null) {
            throw new InvalidInputException("level", "residence.achievement.level-only-for-language");
        }
        if (pension && (command.months() == null || command.months() < 1)) {
            throw new InvalidInputException("months", "residence.achievement.months-required");
        }
        if (!pension && command.months() != null) {
            throw new InvalidInputException("months", "residence.achievement.months-only-for-pension");
        }
        if (command.achievedOn().isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("achievedOn", "residence.achievement.in-future");
        }
        if (command.until() != null && command.until().isBefore(command.achievedOn())) {
            throw new InvalidInputException("until", "residence.achievement.ends-before-it-starts");
        }
        apply(new AchievementRecordedEvent(id, tenant, command.achievementId(), command.kind(), command.level(),
                command.achievedOn(), command.until(), command.months()));
    }

    @CommandHandler
    void handle(HandOverToCaseManagementCommand command, @MetaDataValue(Actor.TENANT) String tenant, Clock clock) {
        requireOpenRecordOf(tenant);
        apply(new HandedOverToCaseManagementEvent(id, tenant, command.handoverId(), command.fieldOfAction(),
                command.reasonCode(), command.pathway(), LocalDate.now(clock)));
    }

    @CommandHandler
    void handle(AssignOfficerCommand command, @MetaDataValue(Actor.TENANT) String tenant) {
        requireNotErased(tenant);
        if (command.officer() == null || command.officer().isBlank()) {
            throw new InvalidInputException("officer", "residence.officer.required");
        }
        if (command.officer().equals(officer)) {
            return; // already responsible: a repeated PUT changes nothing
        }
        apply(new OfficerAssignedEvent(id, tenant, command.officer(), officer));
    }

    /** The office no longer handles the person (naturalised, moved away, …): the retention period starts. */
    @CommandHandler
    void handle(CloseResidenceRecordCommand command, @MetaDataValue(Actor.TENANT) String tenant, Clock clock) {
        requireNotErased(tenant);
        if (command.reason() == null) {
            throw new InvalidInputException("reason", "residence.closure.reason-required");
        }
        if (closed) {
            throw new ConflictException("residence.closed");
        }
        apply(new ResidenceRecordClosedEvent(id, tenant, command.reason(), LocalDate.now(clock)));
    }

    /** Puts on or lifts a legal hold; the officer's reason is sealed with the record's key. */
    @CommandHandler
    void handle(SetLegalHoldCommand command, @MetaDataValue(Actor.TENANT) String tenant, Clock clock,
                PersonalDataVault vault) {
        requireNotErased(tenant);
        if (command.reason() == null || command.reason().isBlank()) {
            throw new InvalidInputException("reason", "residence.legal-hold.reason-required");
        }
        if (legalHold != command.active()) {
            apply(new LegalHoldChangedEvent(id, tenant, command.active(), vault.seal(tenant, id.value(), command.reason()),
                    LocalDate.now(clock)));
        }
    }

    /**
     * Erases the record's personal data. A legal hold stops it; the retention period runs from
     * the closure. The key is shredded once the erasure is stored ({@code RecordKeyShredder}).
     */
    @CommandHandler
    void handle(EraseResidenceRecordCommand command, @MetaDataValue(Actor.TENANT) String tenant, Clock clock) {
        requireNotErased(tenant);
        if (command.ground() == null) {
            throw new InvalidInputException("ground", "residence.erasure.ground-required");
        }
        if (legalHold) {
            throw new RuleViolationException("no_erasure_under_legal_hold", "residence.erasure.legal-hold");
        }
        if (command.ground() == ErasureGround.RETENTION_EXPIRED && !closed) {
            throw new RuleViolationException("retention_runs_from_closure", "residence.erasure.not-closed");
        }
        apply(new ResidenceRecordErasedEvent(id, tenant, command.ground(), command.reference(), LocalDate.now(clock)));
    }

    private static String legalBasisOf(RecordResidenceStatusCommand command) {
        if (command.section() == null || command.section().isBlank()) {
            if (command.type().defaultLegalBasis() == null) {
                throw new InvalidInputException("section", "residence.status.section-required");
            }
            return command.type().defaultLegalBasis();
        }
        if (!LegalBasis.valid(command.section())) {
            throw new InvalidInputException("section", "residence.status.section-invalid");
        }
        String legalBasis = LegalBasis.withLaw(command.section(), command.type());
        if (command.type() == ResidenceStatusType.DULDUNG && !LegalBasis.isSection(legalBasis, "§ 60a")
                && !LegalBasis.isSection(legalBasis, "§ 60b")) {
            // a Duldung is one under § 60a, or one for persons with unclear identity under § 60b AufenthG
            throw new InvalidInputException("section", "residence.status.duldung-section");
        }
        return legalBasis;
    }

    /** § 104c AufenthG: granted to a tolerated person, for 18 months, leading only to § 25a or § 25b. */
    private void checkChancenAufenthaltsrecht(RecordResidenceStatusCommand command, String legalBasis) {
        boolean toChancen = command.type() == ResidenceStatusType.AUFENTHALTSERLAUBNIS
                && LegalBasis.isSection(legalBasis, CHANCEN);
        boolean fromChancen = currentType == ResidenceStatusType.AUFENTHALTSERLAUBNIS
                && LegalBasis.isSection(currentLegalBasis, CHANCEN);
        if (fromChancen && !(command.type() == ResidenceStatusType.DULDUNG
                || Pathway.reachedBy(command.type(), legalBasis).filter(p -> p == Pathway.AUFENTHG_25A
                || p == Pathway.AUFENTHG_25B).isPresent())) {
            throw new RuleViolationException("chancen-aufenthalt-leads-to-25a-or-25b",
                    "residence.status.chancen-leads-to-25a-25b");
        }
        if (toChancen && currentType != ResidenceStatusType.DULDUNG) {
            throw new RuleViolationException("chancen-aufenthalt-needs-duldung", "residence.status.chancen-needs-duldung");
        }
        if (toChancen && command.validUntil().isAfter(command.validFrom().plusMonths(CHANCEN_MONTHS).minusDays(1))) {
            throw new RuleViolationException("chancen-aufenthalt-18-months", "residence.status.chancen-18-months");
        }
    }

    void requireNotErased(String tenant) {
        requireSameTenant(tenant);
        if (erased) {
            throw new ConflictException("residence.erased");
        }
    }

    void requireOpenRecordOf(String tenant) {
        requireNotErased(tenant);
        if (closed) {
            throw new ConflictException("residence.closed");
        }
    }

    ResidenceRecordId id() {
        return id;
    }

    /** The answer to a status check: the status now and what the officer adds. */
    StatusCheckAnswered.Answer answerTo(CompleteStatusCheckCommand command) {
        return StatusCheckAnswers.of(command, currentType, currentLegalBasis, currentValidUntil);
    }

    private void requireSameTenant(String tenant) {
        if (!this.tenant.equals(tenant)) {
            // Another tenant's record looks exactly like one that does not exist.
            throw new NotFoundException("residence.not-found");
        }
    }

    @EventSourcingHandler
    void on(ResidenceRecordCreatedEvent event) {
        this.id = event.recordId();
        this.tenant = event.tenant();
    }

    @EventSourcingHandler
    void on(ResidenceStatusProgressedEvent event) {
        this.currentType = event.to();
        this.currentLegalBasis = event.legalBasis();
        this.currentValidFrom = event.validFrom();
        this.currentValidUntil = event.validUntil();
    }

    @EventSourcingHandler
    void on(AchievementRecordedEvent event) {
        achievements.add(event.achievementId());
    }

    @EventSourcingHandler
    void on(AchievementWithdrawnEvent event) {
        achievements.remove(event.achievementId());
    }

    @EventSourcingHandler
    void on(OfficerAssignedEvent event) {
        officer = event.officer();
    }

    @EventSourcingHandler
    void on(ResidenceRecordClosedEvent event) {
        closed = true;
    }

    @EventSourcingHandler
    void on(LegalHoldChangedEvent event) {
        legalHold = event.active();
    }

    @EventSourcingHandler
    void on(ResidenceRecordErasedEvent event) {
        erased = true;
    }
}
