package de.kim.cases.messaging;

import de.kim.cases.api.HandoverId;
import de.kim.cases.api.HandoverRef;
import de.kim.cases.api.CaseId;
import de.kim.cases.api.ReceiveHandoverCommand;
import de.kim.cases.api.RecordResidenceLinkAnswerCommand;
import de.kim.cases.api.RecordStatusCheckAnswerCommand;
import de.kim.cases.api.StatusCheckId;
import de.kim.contracts.Topics;
import de.kim.contracts.immigration.CaseLinkAnswered;
import de.kim.contracts.immigration.HandoverToCaseManagement;
import de.kim.contracts.immigration.StatusCheckAnswered;
import de.kim.platform.messaging.EnvelopeCodec;
import de.kim.platform.messaging.EventCommandRelay;
import de.kim.platform.messaging.IntegrationEventHandlers;
import de.kim.platform.messaging.ReceivedEvent;
import de.kim.platform.privacy.Sealed;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import static de.kim.platform.messaging.RecordFields.required;

/**
 * Reads {@code kim.immigration.v1} for what the office sends case management. A hand-over becomes
 * a {@link ReceiveHandoverCommand} to the hand-over aggregate (keyed by tenant and hand-over id,
 * so a redelivery changes nothing), from where the {@link de.kim.cases.command.HandoverIntakeSaga}
 * takes it to a case. An answer to a status check becomes a {@link RecordStatusCheckAnswerCommand}
 * to the asking case, which takes it once; so does the office's answer to a case's link to a record. Everything else on the topic is not case management's
 * business and is skipped. A record without its ids goes to the dead-letter topic; a hand-over
 * naming a field of action this service does not know is taken in and kept open for the case manager.
 */
@Component
public class ImmigrationEventsListener {

    /** The principal this listener relays as: it may take in hand-overs and the office's answers, nothing else. */
    public static final String PRINCIPAL = "case-service.immigration-handovers";

    private static final Logger log = LoggerFactory.getLogger(ImmigrationEventsListener.class);

    private final EnvelopeCodec codec;
    private final EventCommandRelay relay;
    private final IntegrationEventHandlers<ReceivedEvent> handlers;

    public ImmigrationEventsListener(EnvelopeCodec codec, EventCommandRelay relay) {
        this.codec = codec;
        this.relay = relay;
        this.handlers = IntegrationEventHandlers.<ReceivedEvent>builder("case-immigration-events")
                .on(HandoverToCaseManagement.TYPE, HandoverToCaseManagement.class, this::handover)
                .on(StatusCheckAnswered.TYPE, StatusCheckAnswered.class, this::statusCheckAnswered)
                .on(CaseLinkAnswered.TYPE, CaseLinkAnswered.class, this::linkAnswered)
                .build();
    }

    @KafkaListener(id = "case-immigration-events", groupId = "${spring.kafka.consumer.group-id}-immigration-events",
            topics = Topics.IMMIGRATION)
    public void on(ConsumerRecord<String, String> record) {
        IntegrationEventHandlers.read(record, codec, handlers);
    }

    private void handover(ReceivedEvent event, HandoverToCaseManagement handover) {
        required(handover.handoverId(), "handoverId");
        required(handover.recordId(), "recordId");
        ReceiveHandoverCommand command = new ReceiveHandoverCommand(
                new HandoverRef(event.envelope().tenant(), new HandoverId(handover.handoverId())), handover.recordId(),
                handover.fieldOfAction(), handover.reasonCode(), handover.pathway(), handover.handedOverOn());
        // Refused only for a record of another tenant than its envelope's: retrying cannot help.
        relay.send(PRINCIPAL, command, event).ifPresent(refusal -> log.warn("hand-over {} not taken in: {}",
                handover.handoverId(), refusal.getMessage()));
    }

    private void linkAnswered(ReceivedEvent event, CaseLinkAnswered answered) {
        RecordResidenceLinkAnswerCommand command = new RecordResidenceLinkAnswerCommand(
                new CaseId(required(answered.caseId(), "caseId")), required(answered.residenceRecordId(), "residenceRecordId"),
                answered.confirmed(), required(answered.answeredOn(), "answeredOn"));
        relay.send(PRINCIPAL, command, event).ifPresent(refusal -> log.warn("link answer for record {} not taken in: {}",
                answered.residenceRecordId(), refusal.getMessage()));
    }

    private void statusCheckAnswered(ReceivedEvent event, StatusCheckAnswered answered) {
        required(answered.caseId(), "caseId");
        required(answered.statusCheckId(), "statusCheckId");
        required(answered.answeredOn(), "answeredOn");
        Sealed answer = answered.sealedAnswer() == null ? null : new Sealed(answered.caseId(), answered.sealedAnswer());
        RecordStatusCheckAnswerCommand command = new RecordStatusCheckAnswerCommand(new CaseId(answered.caseId()),
                new StatusCheckId(answered.statusCheckId()), answer, answered.answeredOn());
        // Refused for a case of another tenant or a check the case never asked for: retrying cannot help.
        relay.send(PRINCIPAL, command, event).ifPresent(refusal -> log.warn("status-check answer {} not taken in: {}",
                answered.statusCheckId(), refusal.getMessage()));
    }
}
