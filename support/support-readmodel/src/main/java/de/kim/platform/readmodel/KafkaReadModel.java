package de.kim.platform.readmodel;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A read model fed by a Kafka listener, its offsets kept with its documents ({@link KafkaPositions}).
 * A rebuild pauses the listener, reads the topics from their first record up to the end they had
 * when it began, into memory ({@link Replay}), writes the result in bulk to a fresh database with
 * the offsets reached, switches to it and resumes the listener, which skips what the rebuild has.
 */
public class KafkaReadModel implements ReadModel, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaReadModel.class);

    /** One rebuild's replay: applies records (false if one cannot be read), then writes the result. */
    public interface Replay {
        boolean apply(ConsumerRecord<String, String> record);

        long writeTo(MongoTemplate target);

        /** As {@link ReadModelReplay#queriesWhileReplaying()}: false for a replay into memory, written at its end. */
        default boolean queriesWhileReplaying() {
            return true;
        }
    }

    private final String name;
    private final List<String> topics;
    private final String listenerId;
    private final ReadModelDatabase database;
    private final ReadModelGaps gaps;
    private final KafkaPositions positions;
    private final ConsumerFactory<String, String> consumers;
    private final KafkaListenerEndpointRegistry listeners;
    private final Function<MongoTemplate, Replay> replays;
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    /** Guards {@link #heads} apart from the rebuild's lock: the health endpoint reads heads while a rebuild runs. */
    private final Object headsLock = new Object();
    private Consumer<String, String> heads;
    /**
     * The consumer rebuilds read with, kept from one rebuild to the next (used under the rebuild's
     * lock only): a new consumer signs in to the broker (SCRAM, thousands of HMAC rounds) on each of
     * its connections, which took a third of a small rebuild's time.
     */
    private Consumer<String, String> replayer;

    public KafkaReadModel(String name, List<String> topics, String listenerId, ReadModelDatabase database,
                          ConsumerFactory<String, String> consumers, KafkaListenerEndpointRegistry listeners,
                          Function<MongoTemplate, Replay> replays) {
        this.name = name;
        this.topics = topics;
        this.listenerId = listenerId;
        this.database = database;
        this.gaps = new ReadModelGaps(name);
        this.positions = new KafkaPositions(name, database, gaps);
        this.consumers = consumers;
        this.listeners = listeners;
        this.replays = replays;
    }

    /** The offsets, for the listener to seek, skip, store and check. */
    public KafkaPositions positions() {
        return positions;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ReadModelStatus status() {
        Long position = null;
        Long head = null;
        String active = null;
        try {
            active = database.activeName();
            position = positions.stored().values().stream().mapToLong(Long::longValue).sum();
            head = heads().values().stream().mapToLong(Long::longValue).sum();
        } catch (RuntimeException unreadable) {
            log.debug("read model {}: position or head not readable now", name, unreadable);
        }
        return ReadModelStatus.of(name, active, String.join(",", topics), position, head, gaps.healed(),
                rebuilding.get());
    }

    /** The end offset of each partition, read by a consumer of its own that never joins a group. */
    private Map<TopicPartition, Long> heads() {
        synchronized (headsLock) {
            if (heads == null) {
                heads = consumers.createConsumer(group("status"), null, null, new Properties());
            }
            // Short waits: the health endpoint asks, and a broker that is away must not hold it up.
            return heads.endOffsets(partitions(heads, Duration.ofSeconds(2)), Duration.ofSeconds(2));
        }
    }

    /** Closes the consumer that reads the heads (Spring calls it when the context closes). */
    @Override
    public void close() {
        synchronized (headsLock) {
            if (heads != null) {
                heads.close(Duration.ofSeconds(2));
                heads = null;
            }
        }
        synchronized (this) {
            closeReplayer();
        }
    }

    private void closeReplayer() {
        if (replayer != null) {
            replayer.close(Duration.ofSeconds(2));
            replayer = null;
        }
    }

    @Override
    public synchronized RebuildReport rebuild() {
        MessageListenerContainer live = listeners.getListenerContainer(listenerId);
        rebuilding.set(true);
        if (live != null) {
            live.pause();
            awaitPaused(live);
        }
        try {
            long start = System.nanoTime();
            MongoTemplate target = database.freshWithoutIndexes();
            Replay replay = replays.apply(target);
            if (replay.queriesWhileReplaying()) {
                database.indexes(target);
            }
            long[] counts = new long[2];
            Map<TopicPartition, Long> ends = replay(replay, counts);
            long replayed = System.nanoTime();
            long documents = replay.writeTo(target);
            positions.writeRebuilt(target, ends);
            String previous = database.switchOnly(target);
            positions.rebuilt(ends);
            RebuildReport report = RebuildReport.of(name, counts[0], counts[1], documents, target.getDb().getName(),
                    start, replayed, System.nanoTime());
            log.info("read model rebuilt: {}", report);
            // Once the rebuilt one is live: dropping the one before is not part of the rebuild's time.
            database.dropUnlessHome(previous);
            return report;
        } finally {
            if (live != null) {
                live.resume();
            }
            rebuilding.set(false);
        }
    }

    /** Reads every record up to the end the topics had when the replay started; answers those ends. */
    private Map<TopicPartition, Long> replay(Replay replay, long[] counts) {
        if (replayer == null) {
            Properties overrides = new Properties();
            overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
            overrides.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1");
            overrides.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(8 * 1024 * 1024));
            replayer = consumers.createConsumer(group("rebuild-" + UUID.randomUUID()), null, null, overrides);
        }
        Consumer<String, String> consumer = replayer;
        boolean done = false;
        try {
            List<TopicPartition> partitions = partitions(consumer, Duration.ofSeconds(10));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    counts[replay.apply(record) ? 0 : 1]++;
                }
            }
            // Nothing assigned until the next rebuild: what it fetched ahead is let go.
            consumer.unsubscribe();
            done = true;
            return end;
        } finally {
            if (!done) {
                // A consumer that failed half-way starts afresh next time.
                closeReplayer();
            }
        }
    }

    private List<TopicPartition> partitions(Consumer<String, String> consumer, Duration wait) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            for (PartitionInfo info : consumer.partitionsFor(topic, wait)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        return partitions;
    }

    /** Assigned, never committed: the group only names the reader, with the service's prefix its ACLs allow. */
    private String group(String suffix) {
        return consumers.getConfigurationProperties().get(ConsumerConfig.GROUP_ID_CONFIG) + "-" + suffix;
    }

    private static void awaitPaused(MessageListenerContainer live) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (live.isRunning() && !live.isPauseRequested() || live.isRunning() && !live.isContainerPaused()) {
            if (System.nanoTime() > until) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
