package de.kim.cases.messaging;

import de.kim.cases.api.AssessNeedCommand;
import de.kim.cases.api.CaseId;
import de.kim.cases.api.NeedId;
import de.kim.cases.api.Priority;
import de.kim.cases.api.ResidenceRecordLinkedEvent;
import de.kim.cases.query.HandoverRequests;
import de.kim.cases.query.HandoverRequests.HandoverRequest;
import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.platform.domain.Actor;
import de.kim.platform.domain.KimException;
import de.kim.platform.messaging.Codes;
import de.kim.platform.messaging.EventCommandRelay;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns the immigration office's hand-overs into needs of the case linked to the same residence
 * record, whichever comes first: the hand-over (from Kafka) or the link (from the case's events).
 * Each side writes its fact before it looks for the other, so one of them always sees both; the
 * need's id is derived from the hand-over id, so doing it twice changes nothing.
 */
@Component
@ProcessingGroup("handover-intake")
public class HandoverIntake {

    private static final Logger log = LoggerFactory.getLogger(HandoverIntake.class);

    private final HandoverRequests requests;
    /** The principal the intake sends as: it may add needs to a case and nothing else. */
    public static final String PRINCIPAL = "case-service.handover-intake";

    private final EventCommandRelay relay;
    private final MessageSource messages;

    public HandoverIntake(HandoverRequests requests, EventCommandRelay relay, MessageSource messages) {
        this.requests = requests;
        this.relay = relay;
        this.messages = messages;
    }

    /** The need id a hand-over becomes on a case: the same for every delivery of the same hand-over. */
    public static NeedId needIdOf(String handoverId) {
        return new NeedId(UUID.nameUUIDFromBytes(("handover:" + handoverId).getBytes(StandardCharsets.UTF_8)).toString());
    }

    /** A hand-over arrived: it goes to the open case linked to its record, or waits as an open request. */
    void received(HandoverRequest request, String actor) {
        if (!HandoverRequests.OPEN.equals(request.status())) {
            return;
        }
        for (String caseId : requests.casesLinkedTo(request.tenant(), request.residenceRecordId())) {
            if (addToCase(request, caseId, actor)) {
                return;
            }
        }
    }

    /** A case was linked to a record: the open hand-overs for that record become its needs. */
    @EventHandler
    void on(ResidenceRecordLinkedEvent event, @MetaDataValue(Actor.TENANT) String tenant,
            @MetaDataValue(Actor.USER) String actor, @Timestamp Instant at) {
        requests.linked(tenant, event.caseId().value(), event.residenceRecordId(), at);
        for (HandoverRequest request : requests.openFor(tenant, event.residenceRecordId())) {
            addToCase(request, event.caseId().value(), actor);
        }
    }

    private boolean addToCase(HandoverRequest request, String caseId, String actor) {
        FieldOfAction field = Codes.of(FieldOfAction.class, request.fieldOfAction()).orElse(null);
        if (field == null) {
            // A field this service does not know yet: the case manager picks the request up by hand.
            log.warn("hand-over {} names an unknown field of action; kept open", request.handoverId());
            return false;
        }
        NeedId needId = needIdOf(request.handoverId());
        // The need's text is stored German, the working language of the case files.
        String description = messages.getMessage("handover.need.description", new Object[]{request.reasonCode(),
                request.pathway() == null ? "–" : request.pathway(), request.handedOverOn()}, Locale.GERMAN);
        AssessNeedCommand command = new AssessNeedCommand(new CaseId(caseId), needId, field, Priority.HIGH,
                description, null);
        Optional<RuntimeException> refusal = relay.send(PRINCIPAL, command, request.tenant(), actor);
        if (refusal.isPresent()
                && !(refusal.get() instanceof KimException kim && "case.need.exists".equals(kim.messageKey()))) {
            // A closed case or one of another tenant cannot take the need; the request stays open.
            log.info("hand-over {} not added to case {}: {}", request.handoverId(), caseId, refusal.get().getMessage());
            return false;
        }
        // Added now, or by an earlier delivery (the need exists).
        requests.addedToCase(request.tenant(), request.handoverId(), caseId, needId.value());
        return true;
    }
}
