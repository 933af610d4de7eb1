package de.kim.steering.messaging;

import de.kim.contracts.Topics;
import de.kim.platform.messaging.EnvelopeCodec;
import de.kim.platform.messaging.MalformedEnvelopeException;
import de.kim.steering.query.FactsDatabase;
import de.kim.steering.query.MemoryFactStore;
import de.kim.steering.query.SteeringProjection;
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
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Rebuilds steering's facts from the topics, from their first record: replayed in memory,
 * written to a fresh database in bulk, then made live in one step. Queries keep reading the
 * facts before while it runs; the live consumer pauses meanwhile and afterwards re-applies
 * what it had not yet seen, which changes nothing where the rebuild already has it.
 */
@Component
public class FactsRebuild {

    private static final Logger log = LoggerFactory.getLogger(FactsRebuild.class);
    private static final List<String> TOPICS = List.of(Topics.CASE, Topics.PARTNER, Topics.IMMIGRATION);

    private final KafkaListenerEndpointRegistry listeners;
    private final ConsumerFactory<String, String> consumers;
    private final EnvelopeCodec codec;
    private final SteeringProjection projection;
    private final FactsDatabase database;

    public FactsRebuild(KafkaListenerEndpointRegistry listeners, ConsumerFactory<String, String> consumers,
                        EnvelopeCodec codec, SteeringProjection projection, FactsDatabase database) {
        this.listeners = listeners;
        this.consumers = consumers;
        this.codec = codec;
        this.projection = projection;
        this.database = database;
    }

    /** What a rebuild did, and how fast. */
    public record Report(long events, long unreadable, long facts, String database, long replayMillis,
                         long writeMillis, long eventsPerSecond) {
    }

    public synchronized Report run() {
        MessageListenerContainer live = listeners.getListenerContainer("steering-facts");
        if (live != null) {
            live.pause();
        }
        try {
            long start = System.nanoTime();
            MemoryFactStore memory = new MemoryFactStore();
            long[] counts = replay(memory);
            long replayed = System.nanoTime();
            MongoTemplate target = database.fresh("facts-" + System.currentTimeMillis());
            memory.writeTo(target);
            database.switchTo(target);
            long written = System.nanoTime();
            long millis = Math.max(1, (written - start) / 1_000_000);
            Report report = new Report(counts[0], counts[1], memory.size(), target.getDb().getName(),
                    (replayed - start) / 1_000_000, (written - replayed) / 1_000_000, counts[0] * 1000 / millis);
            log.info("steering facts rebuilt: {}", report);
            return report;
        } finally {
            if (live != null) {
                live.resume();
            }
        }
    }

    /** Reads every record up to the end the topics had when the replay started. */
    private long[] replay(MemoryFactStore memory) {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        overrides.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1");
        overrides.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(8 * 1024 * 1024));
        long events = 0;
        long unreadable = 0;
        // Assigned, never committed: the group only names the reader, with the service's prefix its ACLs allow.
        String group = consumers.getConfigurationProperties().get(ConsumerConfig.GROUP_ID_CONFIG) + "-rebuild-"
                + UUID.randomUUID();
        try (Consumer<String, String> consumer = consumers.createConsumer(group, null, null, overrides)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    try {
                        de.kim.platform.messaging.ReceivedEvent event = codec.decode(record.value());
                        FactRecordChecks.check(event);
                        projection.apply(event, memory);
                        events++;
                    } catch (MalformedEnvelopeException | de.kim.platform.messaging.UnprocessableRecordException e) {
                        unreadable++;
                    }
                }
            }
        }
        return new long[]{events, unreadable};
    }
}
