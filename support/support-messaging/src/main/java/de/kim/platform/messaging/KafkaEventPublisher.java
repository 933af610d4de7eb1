package de.kim.platform.messaging;

import de.kim.contracts.Envelope;
import de.kim.platform.domain.Actor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes a service's integration events to its Kafka topic from a tracking event
 * processor. Records of one batch are sent together and the batch commits (and with it the
 * processor's token) only after the broker acknowledged every one: at least once, keyed by
 * aggregate id so each aggregate's events stay in order. While Kafka is away the batch
 * fails and the processor retries it; nothing is skipped.
 *
 * <p>Publication moves forward only: a replay of this processor publishes nothing again
 * ({@link DisallowReplay}). Consumers that need history read the topic from its start.
 */
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher {

    public static final String PROCESSING_GROUP = "kim-kafka-publisher";
    /** The record header that names the event's type, so that a consumer can skip a type it does not read unparsed. */
    public static final String TYPE_HEADER = "kim-type";
    public static final String VERSION_HEADER = "kim-version";
    private static final String PENDING = KafkaEventPublisher.class.getName() + ".pending";

    private final KafkaTemplate<String, String> kafka;
    private final EnvelopeCodec codec;
    private final IntegrationEventMapper mapper;
    private final String topic;
    private final String source;

    public KafkaEventPublisher(KafkaTemplate<String, String> kafka, EnvelopeCodec codec, IntegrationEventMapper mapper,
                               String topic, String source) {
        this.kafka = kafka;
        this.codec = codec;
        this.mapper = mapper;
        this.topic = topic;
        this.source = source;
    }

    @EventHandler
    @DisallowReplay
    public void on(Object payload, DomainEventMessage<?> message) {
        mapper.map(payload).ifPresent(event -> send(event, message));
    }

    private void send(IntegrationEvent event, DomainEventMessage<?> message) {
        Envelope<Object> envelope = new Envelope<>(message.getIdentifier(), event.type().name(), event.type().version(),
                source, (String) message.getMetaData().get(Actor.TENANT), (String) message.getMetaData().get(Actor.USER),
                message.getAggregateIdentifier(), message.getSequenceNumber(), message.getTimestamp(), event.data());
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, message.getAggregateIdentifier(),
                codec.encode(envelope));
        record.headers().add(TYPE_HEADER, event.type().name().getBytes(StandardCharsets.UTF_8));
        record.headers().add(VERSION_HEADER, String.valueOf(event.type().version()).getBytes(StandardCharsets.UTF_8));
        pendingSendsOfThisBatch().add(kafka.send(record));
    }

    private List<CompletableFuture<?>> pendingSendsOfThisBatch() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING, key -> {
            List<CompletableFuture<?>> pending = new ArrayList<>();
            batch.onPrepareCommit(unit -> awaitAcknowledgement(pending));
            return pending;
        });
    }

    private void awaitAcknowledgement(List<CompletableFuture<?>> pending) {
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaPublicationException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaPublicationException("Kafka did not acknowledge the batch on " + topic, e);
        }
    }

    /** The batch could not be published; the processor keeps its token and retries. */
    public static class KafkaPublicationException extends RuntimeException {
        public KafkaPublicationException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
