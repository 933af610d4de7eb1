package de.kim.platform.archfixtures.compliant.messaging;

import de.kim.platform.archfixtures.compliantcontracts.ThingOpened;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/** A Kafka listener in messaging. */
public class ThingListener {
    @KafkaListener(topics = "things")
    public ThingOpened on(ConsumerRecord<String, String> record) {
        return new ThingOpened(new ReceivedThingEvent(record.value()).payload);
    }
}
