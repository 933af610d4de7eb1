package de.kim.steering.messaging;

import de.kim.contracts.Topics;
import de.kim.platform.messaging.EnvelopeCodec;
import de.kim.platform.messaging.ReceivedEvent;
import de.kim.steering.query.SteeringProjection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Reads the topics of case management, the partners and the immigration office into steering's
 * facts, on one consumer so that facts are written one at a time. Tolerant: types it does not
 * know are skipped, unknown fields ignored; a record without a field steering needs goes to the
 * dead-letter topic before anything is written ({@link FactRecordChecks}).
 */
@Component
public class SteeringEventsListener {

    private final EnvelopeCodec codec;
    private final SteeringProjection projection;
    private final ReportingPublisher reporting;

    public SteeringEventsListener(EnvelopeCodec codec, SteeringProjection projection, ReportingPublisher reporting) {
        this.codec = codec;
        this.projection = projection;
        this.reporting = reporting;
    }

    @KafkaListener(id = "steering-facts", groupId = "${spring.kafka.consumer.group-id}-facts",
            topics = {Topics.CASE, Topics.PARTNER, Topics.IMMIGRATION})
    public void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = codec.decode(record.value());
        FactRecordChecks.check(event);
        LocalDate changed = projection.apply(event);
        reporting.changed(event.envelope().tenant(), changed);
    }
}
