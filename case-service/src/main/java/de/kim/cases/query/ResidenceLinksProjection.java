package de.kim.cases.query;

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
 * Stores which case is linked to which residence record ({@link HandoverRequests#casesLinkedTo}),
 * the look-up of the {@link HandoverIntakeSaga}. It runs in the saga's own processor, before
 * the saga, so a link is stored before any later hand-over's saga looks for it.
 */
@Component
@ProcessingGroup(HandoverIntakeSaga.PROCESSING_GROUP)
public class ResidenceLinksProjection {

    private final HandoverRequests requests;

    public ResidenceLinksProjection(HandoverRequests requests) {
        this.requests = requests;
    }

    @EventHandler
    void on(ResidenceRecordLinkedEvent event, @MetaDataValue(Actor.TENANT) String tenant, @Timestamp Instant at) {
        requests.linked(tenant, event.caseId().value(), event.residenceRecordId(), at);
    }
}
