package de.kim.steering.messaging;

import de.kim.contracts.Topics;
import de.kim.platform.messaging.EnvelopeCodec;
import de.kim.platform.messaging.MalformedEnvelopeException;
import de.kim.platform.messaging.UnprocessableRecordException;
import de.kim.platform.messaging.ReceivedEvent;
import de.kim.platform.readmodel.KafkaPositions;
import de.kim.platform.readmodel.KafkaReadModelListener;
import de.kim.platform.readmodel.KafkaReadModel;
import de.kim.steering.query.SteeringProjection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the topics of case management, the partners and the immigration office into steering's
 * facts, on one consumer so that facts are written one at a time. Tolerant: types it does not
 * know are skipped, unknown fields ignored; a record without a field steering needs goes to the
 * dead-letter topic before anything is written ({@link FactRecordChecks}). The offset of each
 * record is stored with the facts after them ({@link KafkaPositions}): the listener goes on from
 * there after a restart, and seeks back to it if the store lost facts it had acknowledged; the
 * counted figures are then counted again from the facts left, before the lost ones come again.
 */
@Component
public class SteeringEventsListener extends KafkaReadModelListener {

    public static final String ID = "steering-facts";

    private final EnvelopeCodec codec;
    private final SteeringProjection projection;
    private final ReportingPublisher reporting;
    private final ObjectProvider<KafkaReadModel> facts;
    /** The offset this listener last applied per partition, to see it sought back (a gap being healed). */
    private final Map<TopicPartition, Long> applied = new ConcurrentHashMap<>();

    public SteeringEventsListener(EnvelopeCodec codec, SteeringProjection projection, ReportingPublisher reporting,
                                  ObjectProvider<KafkaReadModel> facts) {
        this.codec = codec;
        this.projection = projection;
        this.reporting = reporting;
        this.facts = facts;
    }

    @KafkaListener(id = ID, groupId = "${spring.kafka.consumer.group-id}-facts",
            topics = {Topics.CASE, Topics.PARTNER, Topics.IMMIGRATION})
    public void on(ConsumerRecord<String, String> record) {
        KafkaPositions positions = positions();
        positions.check(getTopicsAndCallbacks().keySet(), this::getSeekCallbackFor, false);
        if (!positions.toApply(record)) {
            return;
        }
        Long before = applied.put(new TopicPartition(record.topic(), record.partition()), record.offset());
        if (before != null && record.offset() < before) {
            // Sought back to an offset applied before: the store lost facts the counts still have.
            projection.recount();
        }
        ReceivedEvent event;
        try {
            event = codec.decode(record.value());
            FactRecordChecks.check(event);
        } catch (MalformedEnvelopeException | UnprocessableRecordException refused) {
            // Refused for good (to the dead-letter topic): passed, so the position moves past it.
            positions.applied(record);
            throw refused;
        }
        LocalDate changed = projection.apply(event);
        reporting.changed(event.envelope().tenant(), changed);
        positions.applied(record);
    }


    @Override
    protected KafkaPositions positions() {
        return facts.getObject().positions();
    }
}
