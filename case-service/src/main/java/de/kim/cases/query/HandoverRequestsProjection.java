package de.kim.cases.query;

import de.kim.cases.api.HandoverAddedToCaseEvent;
import de.kim.cases.api.HandoverReceivedEvent;
import de.kim.platform.domain.Actor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Keeps the hand-over requests of {@link HandoverRequests} from the hand-over's events: a
 * received hand-over is an open request, an added one names its case and need.
 *
 * <p>A subscribing processor ({@link #PROCESSING_GROUP}, see
 * {@code config.HandoverIntakeProcessing}): the request is written while the event is published,
 * before its transaction commits, so a need that shows in the case file (another processor, after
 * the commit) never shows while its hand-over still reads as open. A failed write fails the
 * command, which its sender retries. Writes go through {@link HandoverRequestsWrites}, so that a
 * rebuild ({@link HandoverRequestsReadModel}) loses none made while it runs.
 */
@Component
@ProcessingGroup(HandoverRequestsProjection.PROCESSING_GROUP)
public class HandoverRequestsProjection {

    public static final String PROCESSING_GROUP = "handover-requests";

    private final HandoverRequestsWrites writes;

    public HandoverRequestsProjection(HandoverRequestsWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(HandoverReceivedEvent event) {
        writes.apply(requests -> requests.received(event.tenant(), event.handoverId().value(),
                event.residenceRecordId(), event.fieldOfAction(), event.reasonCode(), event.pathway(),
                event.handedOverOn()));
    }

    @EventHandler
    void on(HandoverAddedToCaseEvent event, @MetaDataValue(Actor.TENANT) String tenant) {
        writes.apply(requests -> requests.addedToCase(tenant, event.handoverId().value(), event.caseId().value(),
                event.needId().value()));
    }
}
