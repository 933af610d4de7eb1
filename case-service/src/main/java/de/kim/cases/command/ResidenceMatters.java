package de.kim.cases.command;

import de.kim.cases.api.AchievementId;
import de.kim.cases.api.AchievementRecordedEvent;
import de.kim.cases.api.LinkResidenceRecordCommand;
import de.kim.cases.api.ResidenceRecordLinkConfirmedEvent;
import de.kim.cases.api.ResidenceRecordLinkRefusedEvent;
import de.kim.cases.api.ResidenceRecordLinkedEvent;
import de.kim.cases.api.StatusCheckAnsweredEvent;
import de.kim.cases.api.StatusCheckId;
import de.kim.cases.api.StatusCheckRequestedEvent;
import de.kim.platform.domain.ConflictException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * What the case has to do with the immigration office: the client's residence record it is
 * linked to, the achievements recorded (shared with that record where a consent allows it) and
 * the status checks asked of the office and whether it answered them. The office confirms the
 * link (or refuses it); only a confirmed link carries achievements and status checks. Recording
 * an achievement and asking for a check need the consents, so the case ({@link CaseAggregate})
 * handles them.
 */
class ResidenceMatters {

    private final CaseRef caseRef;
    private String residenceRecordId;
    /** Whether the office confirmed that the linked record is the client's (TRUE), refused it (FALSE) or has not answered (null). */
    private Boolean linkAnswer;
    private final Map<AchievementId, AchievementRecordedEvent> achievements = new LinkedHashMap<>();
    private final Set<StatusCheckId> statusChecks = new HashSet<>();
    private final Set<StatusCheckId> answered = new HashSet<>();

    ResidenceMatters(CaseRef caseRef) {
        this.caseRef = caseRef;
    }

    /** Links the record and asks the office to confirm it; a link not confirmed yet may be asked again. */
    @CommandHandler
    void handle(LinkResidenceRecordCommand command) {
        if (command.residenceRecordId().equals(residenceRecordId) && linkConfirmed()) {
            throw new ConflictException("case.residence-record.already-linked");
        }
        apply(new ResidenceRecordLinkedEvent(caseRef.id(), command.residenceRecordId()));
    }

    /** Whether the office confirmed the link to the record now linked. */
    boolean linkConfirmed() {
        return Boolean.TRUE.equals(linkAnswer);
    }

    /** Whether the office gave this answer to the link already. */
    boolean linkAnswered(boolean confirmed) {
        return linkAnswer != null && linkAnswer == confirmed;
    }

    /** The achievements recorded on the case, in the order recorded. */
    Iterable<AchievementRecordedEvent> achievements() {
        return achievements.values();
    }

    /** The residence record the case is linked to; {@code null} for none. */
    String residenceRecordId() {
        return residenceRecordId;
    }

    boolean hasAchievement(AchievementId achievementId) {
        return achievements.containsKey(achievementId);
    }

    boolean hasStatusCheck(StatusCheckId statusCheckId) {
        return statusChecks.contains(statusCheckId);
    }

    boolean answered(StatusCheckId statusCheckId) {
        return answered.contains(statusCheckId);
    }

    @EventSourcingHandler
    void on(ResidenceRecordLinkedEvent e) {
        linkAnswer = linkConfirmed() && e.residenceRecordId().equals(residenceRecordId) ? Boolean.TRUE : null;
        residenceRecordId = e.residenceRecordId();
    }

    @EventSourcingHandler
    void on(ResidenceRecordLinkConfirmedEvent e) {
        linkAnswer = Boolean.TRUE;
    }

    @EventSourcingHandler
    void on(ResidenceRecordLinkRefusedEvent e) {
        linkAnswer = Boolean.FALSE;
    }

    @EventSourcingHandler
    void on(AchievementRecordedEvent e) {
        achievements.put(e.achievementId(), e);
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
