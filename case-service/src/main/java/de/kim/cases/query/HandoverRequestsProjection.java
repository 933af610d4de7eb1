package de.kim.cases.query;

import de.kim.cases.api.HandoverAddedToCaseEvent;
import de.kim.cases.api.HandoverReceivedEvent;
import de.kim.cases.api.ResidenceRecordLinkedEvent;
import de.kim.cases.command.HandoverIntakeSaga;
import de.kim.platform.domain.Actor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps {@link HandoverRequests} from the case service's own events: a received hand-over is an
 * open request, an added one names its case and need, and each link of a case to a residence
 * record is stored for the intake's look-up. It runs in the intake saga's processor, before the
 * saga, so a link is stored before any later hand-over looks for it.
 */
@Component
@ProcessingGroup(HandoverIntakeSaga.PROCESSING_GROUP)
public class HandoverRequestsProjection {

    private final HandoverRequests requests;

    public HandoverRequestsProjection(HandoverRequests requests) {
        this.requests = requests;
    }

    @EventHandler
    void on(HandoverReceivedEvent event) {
        requests.received(event.tenant(), event.handoverId().value(), event.residenceRecordId(), event.fieldOfAction(),
                event.reasonCode(), event.pathway(), event.handedOverOn());
    }

    @EventHandler
    void on(HandoverAddedToCaseEvent event, @MetaDataValue(Actor.TENANT) String tenant) {
        requests.addedToCase(tenant, event.handoverId().value(), event.caseId().value(), event.needId().value());
    }

    @EventHandler
    void on(ResidenceRecordLinkedEvent event, @MetaDataValue(Actor.TENANT) String tenant, @Timestamp Instant at) {
        requests.linked(tenant, event.caseId().value(), event.residenceRecordId(), at);
    }
}
