package de.kim.steering.messaging;

import de.kim.contracts.Topics;
import de.kim.contracts.cases.CaseOpened;
import de.kim.platform.messaging.EnvelopeCodec;
import de.kim.platform.messaging.ReceivedEvent;
import de.kim.steering.query.CaseFiguresProjection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code kim.case.v1} into the steering read models. Tolerant: event types it does not
 * know are skipped, and unknown fields are ignored.
 */
@Component
public class CaseEventsListener {

    private final EnvelopeCodec codec;
    private final CaseFiguresProjection figures;

    public CaseEventsListener(EnvelopeCodec codec, CaseFiguresProjection figures) {
        this.codec = codec;
        this.figures = figures;
    }

    @KafkaListener(id = "steering-case-events", topics = Topics.CASE)
    public void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = codec.decode(record.value());
        if (event.is(CaseOpened.TYPE)) {
            figures.caseOpened(event.envelope().tenant(), event.envelope().sequence(), event.data(CaseOpened.class));
        }
    }
}
