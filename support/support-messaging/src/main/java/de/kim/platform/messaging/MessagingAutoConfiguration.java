package de.kim.platform.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kim.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Integration events on Kafka: the envelope codec, the publisher of the service's own topic,
 * the relay of received events as commands, and tolerant consumers with a dead-letter topic.
 */
@AutoConfiguration
public class MessagingAutoConfiguration {

    @Bean
    public EnvelopeCodec envelopeCodec(ObjectMapper mapper) {
        return new EnvelopeCodec(mapper);
    }

    @Bean
    public EventCommandRelay eventCommandRelay(CommandGateway commands) {
        return new EventCommandRelay(commands);
    }

    @Bean
    @ConditionalOnBean(IntegrationEventMapper.class)
    public KafkaEventPublisher kafkaEventPublisher(KafkaTemplate<String, String> kafka, EnvelopeCodec codec,
                                                  IntegrationEventMapper mapper,
                                                  @Value("${kim.messaging.topic}") String topic,
                                                  @Value("${spring.application.name}") String source) {
        return new KafkaEventPublisher(kafka, codec, mapper, topic, source);
    }

    /**
     * Checked as the context starts, before any Kafka client connects: a service that must sign in
     * and has no password stops here with a message that says so.
     */
    @Bean
    public KafkaSignIn kafkaSignIn(@Value("${spring.kafka.security.protocol:PLAINTEXT}") String protocol,
                                   @Value("${kim.messaging.username:}") String principal,
                                   @Value("${kim.messaging.password:}") String password) {
        return new KafkaSignIn(protocol, principal, password);
    }

    /**
     * The service's own topic, created if missing: its ACLs allow it to create that one only. The
     * other topics and the dead-letter topics are created by the admin (the launcher, the test
     * infrastructure, the compose file's set-up), as no service may create another's topic.
     */
    @Bean
    @ConditionalOnProperty("kim.messaging.topic")
    public KafkaAdmin.NewTopics kimTopics(@Value("${kim.messaging.topic}") String topic,
                                          @Value("${kim.messaging.partitions}") int partitions,
                                          @Value("${kim.messaging.replicas}") int replicas) {
        return new KafkaAdmin.NewTopics(topic(topic, partitions, replicas));
    }

    /**
     * Consumers retry a failing record with back-off for as long as it takes (a store that is
     * down comes back); only a record that can never be read or applied goes to {@code <topic>.DLT},
     * with the reason in its headers, and the consumer goes on with the next. The name is set here,
     * not left to Spring Kafka's default (which has changed between versions), as the broker's ACLs
     * name each dead-letter topic; the partition is left to the producer, so a dead-letter topic
     * need not have as many partitions as its topic. Other modules add the failures of theirs that
     * no retry cures (support-privacy: a seal that does not open).
     */
    @Bean
    public DefaultErrorHandler kafkaConsumerErrorHandler(KafkaTemplate<String, String> kafka) {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
        handler.addNotRetryableExceptions(MalformedEnvelopeException.class, UnprocessableRecordException.class);
        return handler;
    }

    private static NewTopic topic(String name, int partitions, int replicas) {
        return TopicBuilder.name(name).partitions(partitions).replicas(replicas)
                .config("retention.ms", "-1").build();
    }
}
