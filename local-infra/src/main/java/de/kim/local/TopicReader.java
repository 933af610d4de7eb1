package de.kim.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads a topic from its start, as a new consumer would, to find what a test expects was published. */
public final class TopicReader {

    private TopicReader() {
    }

    /**
     * The first record on the topic that matches, waiting up to {@code timeout} for it.
     *
     * @param clientConfig where the broker is and who signs in (tests read as the admin: {@link KafkaBroker#adminConfig()})
     */
    public static Optional<ConsumerRecord<String, String>> find(Map<String, Object> clientConfig, String topic,
                                                                Predicate<ConsumerRecord<String, String>> wanted,
                                                                Duration timeout) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "kim-topic-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + timeout.toMillis();
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (wanted.test(record)) {
                        return Optional.of(record);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Like {@link #find}, for a topic that may not exist yet (a dead-letter topic made by the first
     * record sent to it): waits for the topic first, since a reader that subscribes before it
     * exists would not see it for minutes.
     */
    public static Optional<ConsumerRecord<String, String>> findOnceCreated(Map<String, Object> clientConfig, String topic,
                                                                           Predicate<ConsumerRecord<String, String>> wanted,
                                                                           Duration timeout) {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        try (Admin admin = Admin.create(clientConfig)) {
            while (!admin.listTopics().names().get().contains(topic)) {
                if (System.currentTimeMillis() > deadline) {
                    return Optional.empty();
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot list the topics", e);
        }
        return find(clientConfig, topic, wanted, Duration.ofMillis(Math.max(1000, deadline - System.currentTimeMillis())));
    }

    /** Every record on the topic, from its first to the last written before the call. */
    public static List<ConsumerRecord<String, String>> readAll(Map<String, Object> clientConfig, String topic) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "kim-topic-reader-" + UUID.randomUUID());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        records.add(record);
                    }
                }
            }
        }
        return records;
    }
}
