package de.kim.cases.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kim.cases.query.PartnerDirectoryProjection;
import de.kim.contracts.Fixtures;
import de.kim.contracts.Topics;
import de.kim.contracts.immigration.HandoverToCaseManagement;
import de.kim.contracts.partners.OfferPublished;
import de.kim.local.EmbeddedInfra;
import de.kim.local.TopicReader;
import de.kim.platform.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A record case-service can never apply (an unknown code, a missing id) goes to the dead-letter
 * topic with its reason, and the next record of the partition is applied.
 */
@SpringBootTest
class PoisonRecordsIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Autowired
    ObjectMapper json;
    @Autowired
    PartnerDirectoryProjection directory;

    @Test
    void an_offer_with_an_unknown_field_of_action_goes_to_the_dead_letter_topic_and_the_next_offer_is_known() throws Exception {
        String partner = UUID.randomUUID().toString();
        String poison = UUID.randomUUID().toString();
        String good = UUID.randomUUID().toString();
        directory.partnerRegistered(TestTokens.TENANT, partner, "Sprachschule Beispiel");

        send(Topics.PARTNER, partner, offer(partner, poison, "UNDERWATER_BASKET_WEAVING"));
        send(Topics.PARTNER, partner, offer(partner, good, "LANGUAGE"));

        await().atMost(Duration.ofSeconds(30)).until(() -> directory.activeOffer(TestTokens.TENANT, partner, good).isPresent());
        assertThat(directory.activeOffer(TestTokens.TENANT, partner, poison)).isEmpty();
        assertThat(deadLetterReason(Topics.PARTNER, poison)).contains("unknown code 'UNDERWATER_BASKET_WEAVING' in fieldOfAction");
    }

    @Test
    void a_hand_over_without_its_record_goes_to_the_dead_letter_topic() throws Exception {
        ObjectNode envelope = (ObjectNode) json.readTree(Fixtures.json(HandoverToCaseManagement.TYPE));
        String handover = UUID.randomUUID().toString();
        envelope.put("id", UUID.randomUUID().toString());
        ((ObjectNode) envelope.path("data")).put("handoverId", handover).remove("recordId");

        send(Topics.IMMIGRATION, handover, json.writeValueAsString(envelope));

        assertThat(deadLetterReason(Topics.IMMIGRATION, handover)).contains("missing recordId");
    }

    private String offer(String partner, String offer, String fieldOfAction) throws Exception {
        ObjectNode envelope = (ObjectNode) json.readTree(Fixtures.json(OfferPublished.TYPE));
        envelope.put("id", UUID.randomUUID().toString()).put("aggregateId", partner);
        ((ObjectNode) envelope.path("data")).put("partnerId", partner).put("offerId", offer)
                .put("fieldOfAction", fieldOfAction);
        return json.writeValueAsString(envelope);
    }

    private static String deadLetterReason(String topic, String containing) {
        ConsumerRecord<String, String> dead = TopicReader.findOnceCreated(EmbeddedInfra.shared().kafka().adminConfig(),
                        Topics.deadLetterOf(topic), record -> record.value().contains(containing), Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("no record with " + containing + " on the dead-letter topic of " + topic));
        return new String(dead.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8);
    }

    private static void send(String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(EmbeddedInfra.shared().kafka().adminConfig(),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }
}
