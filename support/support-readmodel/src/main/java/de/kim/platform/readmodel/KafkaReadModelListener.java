package de.kim.platform.readmodel;

import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;

import java.util.Map;

/**
 * A Kafka listener that feeds a {@link KafkaReadModel}: when it is given partitions it seeks to
 * the positions the read model holds, and when it is idle it checks them for a gap to heal.
 */
public abstract class KafkaReadModelListener extends AbstractConsumerSeekAware {

    /** The positions of the read model this listener feeds. */
    protected abstract KafkaPositions positions();

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        super.onPartitionsAssigned(assignments, callback);
        positions().assigned(assignments.keySet(), callback);
    }

    @Override
    public void onIdleContainer(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        positions().check(assignments.keySet(), partition -> callback, true);
    }
}
