package de.kim.platform.archfixtures.violating.web;

import org.springframework.kafka.annotation.KafkaListener;

/** Breaks the listener rule: a Kafka listener in web. */
public class ThingWebhook {
    @KafkaListener(topics = "things")
    public void on(String value) {
    }
}
