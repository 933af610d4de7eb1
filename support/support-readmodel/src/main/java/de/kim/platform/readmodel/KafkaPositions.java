package de.kim.platform.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.listener.ConsumerSeekAware.ConsumerSeekCallback;

import java.time.Duration;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The offsets a Kafka-fed read model has applied, kept in its own database (collection
 * {@value MongoTokenStore#COLLECTION}) and written after the documents of each record, so they are
 * never ahead of the data. The listener seeks to them when it is given a partition, skips a record
 * it has applied already (after a rebuild, say), and checks now and then in its own thread that
 * the stored offsets have not gone back; if they have (the store lost writes), it seeks back to them
 * and replays the missing part.
 */
public class KafkaPositions {

    static final Duration CHECK_EVERY = Duration.ofSeconds(5);

    private final String readModel;
    private final ReadModelDatabase database;
    private final ReadModelGaps gaps;
    /** Partitions sought back to a stored offset: their records are skipped until that offset arrives. */
    private final Map<TopicPartition, Long> seeking = new ConcurrentHashMap<>();
    private volatile long lastCheck = System.nanoTime();

    public KafkaPositions(String readModel, ReadModelDatabase database, ReadModelGaps gaps) {
        this.readModel = readModel;
        this.database = database;
        this.gaps = gaps;
    }

    /**
     * On assignment: each partition goes on from the offset stored with the data, where there is
     * one; a stored offset behind the one this process stored, or one gone, is a gap.
     */
    public void assigned(Collection<TopicPartition> partitions, ConsumerSeekCallback callback) {
        Map<TopicPartition, Long> stored = stored(database.template());
        for (TopicPartition partition : partitions) {
            Long offset = stored.get(partition);
            if (offset != null) {
                gaps.wentBack(stream(partition), offset);
                callback.seek(partition.topic(), partition.partition(), offset);
                gaps.stored(stream(partition), offset);
                seeking.put(partition, offset);
            } else if (gaps.wentBack(stream(partition), null)) {
                // This process had stored offsets that are gone: the read model holds nothing it can prove.
                callback.seekToBeginning(partition.topic(), partition.partition());
            }
            // Neither stored nor known (the first start): the consumer group's committed offset holds.
        }
    }

    /** Whether the record is yet to be applied: not while seeking back, nor if the read model has it. */
    public boolean toApply(ConsumerRecord<?, ?> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Long target = seeking.get(partition);
        if (target != null) {
            if (record.offset() != target) {
                return false;
            }
            seeking.remove(partition);
        }
        Long applied = gaps.lastStored(stream(partition));
        return applied == null || record.offset() >= applied;
    }

    /** The record is applied to the documents: its offset follows them into the database. */
    public void applied(ConsumerRecord<?, ?> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        write(database.template(), partition, record.offset() + 1);
        gaps.stored(stream(partition), record.offset() + 1);
    }

    /**
     * The records are applied to the documents (a batch of them, in the order received): the offset
     * after the last of each partition follows them into the database, in one bulk write.
     */
    public void applied(List<? extends ConsumerRecord<?, ?>> records) {
        Map<TopicPartition, Long> next = new LinkedHashMap<>();
        records.forEach(record -> next.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1,
                Math::max));
        if (next.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        next.forEach((partition, offset) -> writes.add(new ReplaceOneModel<>(Filters.eq("_id", id(partition)),
                position(partition, offset), new ReplaceOptions().upsert(true))));
        database.template().getCollection(MongoTokenStore.COLLECTION).bulkWrite(writes);
        next.forEach((partition, offset) -> gaps.stored(stream(partition), offset));
    }

    /**
     * In the listener's thread, at most every few seconds: a stored offset behind the one this
     * process stored means lost writes; the partition is sought back to it.
     */
    public void check(Collection<TopicPartition> partitions, Function<TopicPartition, ConsumerSeekCallback> callbacks,
                      boolean now) {
        if (!now && System.nanoTime() - lastCheck < CHECK_EVERY.toNanos()) {
            return;
        }
        lastCheck = System.nanoTime();
        Map<TopicPartition, Long> stored = stored(database.template());
        for (TopicPartition partition : partitions) {
            Long offset = stored.get(partition);
            ConsumerSeekCallback callback = callbacks.apply(partition);
            if (callback != null && gaps.wentBack(stream(partition), offset)) {
                long from = offset == null ? 0 : offset;
                callback.seek(partition.topic(), partition.partition(), from);
                seeking.put(partition, from);
                gaps.stored(stream(partition), from);
            }
        }
    }

    /** Writes the offsets a rebuild reached into its database. */
    public void writeRebuilt(MongoTemplate target, Map<TopicPartition, Long> offsets) {
        offsets.forEach((partition, offset) -> write(target, partition, offset));
    }

    /** After the switch to a rebuilt database: its offsets are the ones applied. */
    public void rebuilt(Map<TopicPartition, Long> offsets) {
        gaps.forget();
        seeking.clear();
        offsets.forEach((partition, offset) -> gaps.stored(stream(partition), offset));
    }

    /** The offsets stored in the live database. */
    public Map<TopicPartition, Long> stored() {
        return stored(database.template());
    }

    private Map<TopicPartition, Long> stored(MongoTemplate mongo) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (Document d : mongo.getCollection(MongoTokenStore.COLLECTION).find(Filters.eq("readModel", readModel))) {
            offsets.put(new TopicPartition(d.getString("topic"), d.getInteger("partition")), d.getLong("offset"));
        }
        return offsets;
    }

    private void write(MongoTemplate mongo, TopicPartition partition, long offset) {
        MongoCollection<Document> positions = mongo.getCollection(MongoTokenStore.COLLECTION);
        positions.replaceOne(Filters.eq("_id", id(partition)), position(partition, offset),
                new ReplaceOptions().upsert(true));
    }

    private String id(TopicPartition partition) {
        return readModel + ":" + partition.topic() + ":" + partition.partition();
    }

    private Document position(TopicPartition partition, long offset) {
        return new Document("_id", id(partition)).append("readModel", readModel).append("topic", partition.topic())
                .append("partition", partition.partition()).append("offset", offset);
    }

    private static String stream(TopicPartition partition) {
        return partition.topic() + "/" + partition.partition();
    }
}
