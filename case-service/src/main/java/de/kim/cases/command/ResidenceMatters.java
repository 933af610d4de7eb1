package de.kim.cases.command;

import de.kim.cases.api.AchievementId;
import de.kim.cases.api.AchievementRecordedEvent;
import de.kim.cases.api.LinkResidenceRecordCommand;
import de.kim.cases.api.ResidenceRecordLinkedEvent;
import de.kim.cases.api.StatusCheckAnsweredEvent;
import de.kim.cases.api.StatusCheckId;
import de.kim.cases.api.StatusCheckRequestedEvent;
import de.kim.platform.domain.ConflictException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * What the case has to do with the immigration office: the client's residence record it is
 * linked to, the achievements recorded (shared with that record where a consent allows it) and
 * the status checks asked of the office and whether it answered them. Recording an achievement and asking for a check need the
 * consents, so the case ({@link CaseAggregate}) handles them.
 */
class ResidenceMatters {

    private final CaseRef caseRef;
    private String residenceRecordId;
    private final Set<AchievementId> achievements = new HashSet<>();
    private final Set<StatusCheckId> statusChecks = new HashSet<>();
    private final Set<StatusCheckId> answered = new HashSet<>();

    ResidenceMatters(CaseRef caseRef) {
        this.caseRef = caseRef;
    }

    @CommandHandler
    void handle(LinkResidenceRecordCommand command) {
        if (command.residenceRecordId().equals(residenceRecordId)) {
            throw new ConflictException("case.residence-record.already-linked");
        }
        apply(new ResidenceRecordLinkedEvent(caseRef.id(), command.residenceRecordId()));
    }

    /** The residence record the case is linked to; {@code null} for none. */
    String residenceRecordId() {
        return residenceRecordId;
    }

    boolean hasAchievement(AchievementId achievementId) {
        return achievements.contains(achievementId);
    }

    boolean hasStatusCheck(StatusCheckId statusCheckId) {
        return statusChecks.contains(statusCheckId);
    }

    boolean answered(StatusCheckId statusCheckId) {
        return answered.contains(statusCheckId);
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
    void on(StatusCheckAnsweredEvent e) {
        answered.add(e.statusCheckId());
    }
}
