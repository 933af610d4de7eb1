package de.kim.cases.command;

import de.kim.cases.api.HandoverAddedToCaseEvent;
import de.kim.cases.api.HandoverReceivedEvent;
import de.kim.cases.api.HandoverRef;
import de.kim.cases.api.ReceiveHandoverCommand;
import de.kim.cases.api.RecordHandoverAddedCommand;
import de.kim.platform.domain.Actor;
import de.kim.platform.domain.NotFoundException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A hand-over of the immigration office as case management took it in, keyed by tenant and the
 * office's hand-over id: it is received once however often Kafka delivers it, and it knows
 * whether it has become a need of a case. Where it goes is the {@link HandoverIntakeSaga}'s work.
 */
@Aggregate
public class Handover {

    @AggregateIdentifier
    private HandoverRef id;
    private boolean addedToCase;

    protected Handover() {
        // for Axon
    }

    /** The first delivery takes the hand-over in; every later one finds it there and changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ReceiveHandoverCommand command, @MetaDataValue(Actor.TENANT) String tenant) {
        requireTenant(command.handover(), tenant);
        if (id == null) {
            apply(new HandoverReceivedEvent(command.handover().handoverId(), tenant, command.residenceRecordId(),
                    command.fieldOfAction(), command.reasonCode(), command.pathway(), command.handedOverOn()));
        }
    }

    @CommandHandler
    void handle(RecordHandoverAddedCommand command, @MetaDataValue(Actor.TENANT) String tenant) {
        requireTenant(command.handover(), tenant);
        if (!addedToCase) {
            apply(new HandoverAddedToCaseEvent(command.handover().handoverId(), command.caseId(), command.needId()));
        }
    }

    @EventSourcingHandler
    void on(HandoverReceivedEvent event) {
        this.id = new HandoverRef(event.tenant(), event.handoverId());
    }

    @EventSourcingHandler
    void on(HandoverAddedToCaseEvent event) {
        this.addedToCase = true;
    }

    /** A command names its tenant's hand-overs only; another tenant's is unknown here. */
    private static void requireTenant(HandoverRef handover, String tenant) {
        if (!handover.tenant().equals(tenant)) {
            throw new NotFoundException("handover.not-found");
        }
    }
}
