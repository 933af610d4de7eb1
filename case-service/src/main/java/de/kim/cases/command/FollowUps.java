package de.kim.cases.command;

import de.kim.cases.api.CaseHandedOverEvent;
import de.kim.cases.api.CaseOpenedEvent;
import de.kim.cases.api.CompleteFollowUpCommand;
import de.kim.cases.api.FollowUpCompletedEvent;
import de.kim.cases.api.FollowUpId;
import de.kim.cases.api.FollowUpScheduledEvent;
import de.kim.cases.api.ScheduleFollowUpCommand;
import de.kim.cases.privacy.CaseTexts;
import de.kim.platform.domain.ConflictException;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.domain.NotFoundException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The follow-ups of a case (Wiedervorlagen): scheduled for a day and a case manager, then done. */
class FollowUps {

    private final CaseRef caseRef;
    /** Each follow-up and whether it is done. */
    private final Map<FollowUpId, Boolean> done = new HashMap<>();
    /** Who a follow-up falls to when none is named: the case's case manager, as the case's events tell. */
    private String caseManager;

    FollowUps(CaseRef caseRef) {
        this.caseRef = caseRef;
    }

    @CommandHandler
    void handle(ScheduleFollowUpCommand command, Clock clock, CaseTexts texts) {
        if (done.containsKey(command.followUpId())) {
            throw new ConflictException("case.follow-up.exists");
        }
        if (command.dueOn().isBefore(LocalDate.now(clock))) {
            throw new InvalidInputException("dueOn", "case.follow-up.due-in-past");
        }
        apply(new FollowUpScheduledEvent(caseRef.id(), command.followUpId(), command.dueOn(),
                caseRef.seal(texts, command.subject()),
                command.assignee() == null ? caseManager : command.assignee()));
    }

    @CommandHandler
    void handle(CompleteFollowUpCommand command, Clock clock) {
        Boolean isDone = done.get(command.followUpId());
        if (isDone == null) {
            throw new NotFoundException("case.follow-up.not-found");
        }
        if (isDone) {
            throw new ConflictException("case.follow-up.already-done");
        }
        apply(new FollowUpCompletedEvent(caseRef.id(), command.followUpId(), LocalDate.now(clock)));
    }

    @EventSourcingHandler
    void on(CaseOpenedEvent e) {
        caseManager = e.assignee();
    }

    @EventSourcingHandler
    void on(CaseHandedOverEvent e) {
        caseManager = e.toCaseManager();
    }

    @EventSourcingHandler
    void on(FollowUpScheduledEvent e) {
        done.put(e.followUpId(), false);
    }

    @EventSourcingHandler
    void on(FollowUpCompletedEvent e) {
        done.put(e.followUpId(), true);
    }
}
