package de.kim.immigration.command;

import de.kim.immigration.api.AchievementId;
import de.kim.immigration.api.AchievementKind;
import de.kim.immigration.api.AchievementRecordedEvent;
import de.kim.immigration.api.AssignOfficerCommand;
import de.kim.immigration.api.CompleteStatusCheckCommand;
import de.kim.immigration.api.CreateResidenceRecordCommand;
import de.kim.immigration.api.HandOverToCaseManagementCommand;
import de.kim.immigration.api.HandedOverToCaseManagementEvent;
import de.kim.immigration.api.LegalBasis;
import de.kim.immigration.api.OfficerAssignedEvent;
import de.kim.immigration.api.Pathway;
import de.kim.immigration.api.RecordAchievementCommand;
import de.kim.immigration.api.RecordResidenceStatusCommand;
import de.kim.immigration.api.RecordStatusCheckRequestCommand;
import de.kim.immigration.api.ResidenceRecordCreatedEvent;
import de.kim.immigration.api.ResidenceRecordId;
import de.kim.immigration.api.ResidenceStatusProgressedEvent;
import de.kim.immigration.api.ResidenceStatusType;
import de.kim.immigration.api.StatusCheckCompletedEvent;
import de.kim.immigration.api.StatusCheckId;
import de.kim.immigration.api.StatusCheckRequestedEvent;
import de.kim.platform.domain.Actor;
import de.kim.platform.domain.ConflictException;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.domain.NotFoundException;
import de.kim.platform.domain.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person's residence record at the immigration office: the sequence of residence statuses
 * and the integration achievements. It refuses what the law does not allow (a status after
 * naturalisation, a permanent status falling back, a § 104c permit beyond 18 months) and
 * records the rest as events; screening for pathways happens outside, on the read model.
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
    private final Set<AchievementId> achievements = new HashSet<>();
    private String officer;
    /** Each status check asked for, and whether the officer has completed it. */
    private final Map<StatusCheckId, Boolean> statusChecksDone = new HashMap<>();

    protected ResidenceRecordAggregate() {
        // for Axon
    }

    @CommandHandler
    public ResidenceRecordAggregate(CreateResidenceRecordCommand command, @MetaDataValue(Actor.TENANT) String tenant,
                                    Clock clock) {
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
        apply(new ResidenceRecordCreatedEvent(command.recordId(), tenant, command.dateOfBirth(), command.nationality(),
                command.entryDate(), command.minorChildInHousehold()));
    }

    @CommandHandler
    void handle(RecordResidenceStatusCommand command, @MetaDataValue(Actor.TENANT) String tenant) {
        requireSameTenant(tenant);
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

    @CommandHandler
    void handle(RecordAchievementCommand command, @MetaDataValue(Actor.TENANT) String tenant, Clock clock) {
        requireSameTenant(tenant);
        if (achievements.contains(command.achievementId())) {
            return; // delivered again (e.g. shared by case management twice): already on the record
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
        requireSameTenant(tenant);
        apply(new HandedOverToCaseManagementEvent(id, tenant, command.handoverId(), command.fieldOfAction(),
                command.reasonCode(), command.pathway(), LocalDate.now(clock)));
    }

    @CommandHandler
    void handle(AssignOfficerCommand command, @MetaDataValue(Actor.TENANT) String tenant) {
        requireSameTenant(tenant);
        if (command.officer() == null || command.officer().isBlank()) {
            throw new InvalidInputException("officer", "residence.officer.required");
        }
        if (command.officer().equals(officer)) {
            return; // already responsible: a repeated PUT changes nothing
        }
        apply(new OfficerAssignedEvent(id, tenant, command.officer(), officer));
    }

    /** Case management's request lands once, however often it is delivered. */
    @CommandHandler
    void handle(RecordStatusCheckRequestCommand command, @MetaDataValue(Actor.TENANT) String tenant) {
        requireSameTenant(tenant);
        if (statusChecksDone.containsKey(command.statusCheckId())) {
            return;
        }
        apply(new StatusCheckRequestedEvent(id, tenant, command.statusCheckId(), command.caseId(),
                command.requestedOn()));
    }

    @CommandHandler
    void handle(CompleteStatusCheckCommand command, @MetaDataValue(Actor.TENANT) String tenant, Clock clock) {
        requireSameTenant(tenant);
        Boolean done = statusChecksDone.get(command.statusCheckId());
        if (done == null) {
            throw new NotFoundException("residence.status-check.not-found");
        }
        if (done) {
            throw new ConflictException("residence.status-check.already-completed");
        }
        apply(new StatusCheckCompletedEvent(id, tenant, command.statusCheckId(), LocalDate.now(clock)));
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
        return LegalBasis.withLaw(command.section(), command.type());
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
    }

    @EventSourcingHandler
    void on(AchievementRecordedEvent event) {
        achievements.add(event.achievementId());
    }

    @EventSourcingHandler
    void on(OfficerAssignedEvent event) {
        officer = event.officer();
    }

    @EventSourcingHandler
    void on(StatusCheckRequestedEvent event) {
        statusChecksDone.put(event.statusCheckId(), false);
    }

    @EventSourcingHandler
    void on(StatusCheckCompletedEvent event) {
        statusChecksDone.put(event.statusCheckId(), true);
    }
}
