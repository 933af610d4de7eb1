package de.kim.cases.command;

import de.kim.cases.api.MarkWorkItemDoneCommand;
import de.kim.cases.api.WorkItemDoneEvent;
import de.kim.platform.domain.ConflictException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The items of the case in its case manager's work basket that were dealt with. The work basket
 * itself is a read model; what is done is recorded here, so that a rebuild of it knows.
 */
class WorkItems {

    private final CaseRef caseRef;
    private final Set<String> done = new HashSet<>();

    WorkItems(CaseRef caseRef) {
        this.caseRef = caseRef;
    }

    @CommandHandler
    void handle(MarkWorkItemDoneCommand command, Clock clock) {
        if (done.contains(command.itemId())) {
            throw new ConflictException("case.work-item.already-done");
        }
        apply(new WorkItemDoneEvent(caseRef.id(), command.itemId(), LocalDate.now(clock)));
    }

    @EventSourcingHandler
    void on(WorkItemDoneEvent e) {
        done.add(e.itemId());
    }
}
