package de.kim.cases.messaging;

import de.kim.cases.query.HandoverRequests;
import de.kim.contracts.Topics;
import de.kim.contracts.immigration.HandoverToCaseManagement;
import de.kim.platform.messaging.EnvelopeCodec;
import de.kim.platform.messaging.IntegrationEventHandlers;
import de.kim.platform.messaging.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import static de.kim.platform.messaging.RecordFields.required;

/**
 * Reads {@code kim.immigration.v1} for the office's hand-overs to case management: each is kept
 * once (keyed by tenant and hand-over id) and handed to the {@link HandoverIntake}. Everything
 * else on the topic is not case management's business and is skipped. A hand-over without its
 * ids goes to the dead-letter topic; one naming a field of action this service does not know is
 * kept open for the case manager ({@link HandoverIntake}).
 */
@Component
public class ImmigrationEventsListener {

    private final EnvelopeCodec codec;
    private final HandoverRequests requests;
    private final HandoverIntake intake;
    private final IntegrationEventHandlers<ReceivedEvent> handlers;

    public ImmigrationEventsListener(EnvelopeCodec codec, HandoverRequests requests, HandoverIntake intake) {
        this.codec = codec;
        this.requests = requests;
        this.intake = intake;
        this.handlers = IntegrationEventHandlers.<ReceivedEvent>builder("case-immigration-events")
                .on(HandoverToCaseManagement.TYPE, HandoverToCaseManagement.class, this::handover)
                .build();
    }

    @KafkaListener(id = "case-immigration-events", groupId = "${spring.kafka.consumer.group-id}-immigration-events",
            topics = Topics.IMMIGRATION)
    public void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = codec.decode(record.value());
        handlers.dispatch(event, event);
    }

    private void handover(ReceivedEvent event, HandoverToCaseManagement handover) {
        required(handover.handoverId(), "handoverId");
        required(handover.recordId(), "recordId");
        String tenant = event.envelope().tenant();
        intake.received(requests.received(tenant, handover.handoverId(), handover.recordId(), handover.fieldOfAction(),
                handover.reasonCode(), handover.pathway(), handover.handedOverOn()), event.envelope().actor());
    }
}
