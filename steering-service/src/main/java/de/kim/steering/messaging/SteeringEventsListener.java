package de.kim.steering.messaging;

import de.kim.contracts.Topics;
import de.kim.platform.messaging.EnvelopeCodec;
import de.kim.platform.messaging.MalformedEnvelopeException;
import de.kim.platform.messaging.UnprocessableRecordException;
import de.kim.platform.messaging.ReceivedEvent;
import de.kim.platform.readmodel.KafkaPositions;
import de.kim.platform.readmodel.KafkaReadModelListener;
import de.kim.platform.readmodel.KafkaReadModel;
import de.kim.steering.query.BatchFactStore;
import de.kim.steering.query.SteeringProjection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the topics of case management, the partners and the immigration office into steering's
 * facts, on one consumer, a poll's records at a time: the facts they touch are held in memory and
 * written at the end with the counts of all their changes ({@link BatchFactStore}), a few durable
 * writes per batch instead of a few per record. Tolerant: types it does not know are skipped,
 * unknown fields ignored; a record without a field steering needs goes to the dead-letter topic
 * before anything of it is written ({@link FactRecordChecks}), the records before it written and
 * the ones after it delivered again ({@link BatchListenerFailedException}). The offsets reached are
 * stored with the facts after them ({@link KafkaPositions}): the listener goes on from there after
 * a restart, and seeks back to them if the store lost facts it had acknowledged; the counted
 * figures are then counted again from the facts left, before the lost ones come again.
 */
@Component
public class SteeringEventsListener extends KafkaReadModelListener {

    public static final String ID = "steering-facts";

    private static final Logger log = LoggerFactory.getLogger(SteeringEventsListener.class);

    private final EnvelopeCodec codec;
    private final SteeringProjection projection;
    private final ReportingPublisher reporting;
    private final ObjectProvider<KafkaReadModel> facts;
    /** The offset this listener last wrote per partition, to see it sought back (a gap being healed). */
    private final Map<TopicPartition, Long> applied = new ConcurrentHashMap<>();

    public SteeringEventsListener(EnvelopeCodec codec, SteeringProjection projection, ReportingPublisher reporting,
                                  ObjectProvider<KafkaReadModel> facts) {
        this.codec = codec;
        this.projection = projection;
        this.reporting = reporting;
        this.facts = facts;
    }

    @KafkaListener(id = ID, groupId = "${spring.kafka.consumer.group-id}-facts",
            topics = {Topics.CASE, Topics.PARTNER, Topics.IMMIGRATION}, batch = "true")
    public void on(List<ConsumerRecord<String, String>> records) {
        KafkaPositions positions = positions();
        positions.check(getTopicsAndCallbacks().keySet(), this::getSeekCallbackFor, false);
        Batch batch = new Batch(positions, projection.batch());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            if (!positions.toApply(record)) {
                continue;
            }
            Long before = applied.get(new TopicPartition(record.topic(), record.partition()));
            if (before != null && record.offset() < before) {
                // Sought back to an offset applied before: the store lost facts the counts still have.
                batch.write();
                projection.recount();
            }
            try {
                ReceivedEvent event = codec.decode(record.value());
                FactRecordChecks.check(event);
                LocalDate changed = projection.apply(event, batch.store);
                batch.applied(record, event.envelope().tenant(), changed);
            } catch (MalformedEnvelopeException | UnprocessableRecordException refused) {
                // Refused for good (to the dead-letter topic): passed, so the position moves past it.
                batch.passed(record);
                batch.write();
                throw new BatchListenerFailedException(refused.getMessage(), refused, i);
            }
            if (batch.store.full()) {
                batch.write();
            }
        }
        batch.write();
    }

    @Override
    protected KafkaPositions positions() {
        return facts.getObject().positions();
    }

    /** The records of a poll applied and not yet written, with the facts they changed and the months to publish. */
    private final class Batch {

        final KafkaPositions positions;
        final BatchFactStore store;
        final List<ConsumerRecord<String, String>> passed = new ArrayList<>();
        final Set<Map.Entry<String, LocalDate>> changed = new LinkedHashSet<>();

        Batch(KafkaPositions positions, BatchFactStore store) {
            this.positions = positions;
            this.store = store;
        }

        void applied(ConsumerRecord<String, String> record, String tenant, LocalDate day) {
            passed.add(record);
            changed.add(Map.entry(tenant, day));
        }

        void passed(ConsumerRecord<String, String> record) {
            passed.add(record);
        }

        /** The facts and counts first, then the offsets after them: a lost write heals by replay. */
        void write() {
            if (passed.isEmpty()) {
                return;
            }
            long start = System.nanoTime();
            store.write();
            long documents = System.nanoTime();
            positions.applied(passed);
            log.debug("batch of {} records written: documents {} ms, positions {} ms", passed.size(),
                    (documents - start) / 1_000_000, (System.nanoTime() - documents) / 1_000_000);
            passed.forEach(record -> applied.put(new TopicPartition(record.topic(), record.partition()), record.offset()));
            changed.forEach(month -> reporting.changed(month.getKey(), month.getValue()));
            passed.clear();
            changed.clear();
        }
    }
}
