package de.kim.platform.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kim.contracts.Topics;
import de.kim.platform.messaging.EnvelopeCodec;
import de.kim.contracts.Topics;
import de.kim.platform.messaging.EventCommandRelay;
import de.kim.platform.messaging.UnprocessableRecordException;
import de.kim.platform.privacy.ForeignTenantException;
import de.kim.platform.privacy.UnreadableSealException;
import de.kim.platform.security.CommandAuthority;
import de.kim.platform.security.ServiceGrants;
import de.kim.platform.messaging.IntegrationEventMapper;
import de.kim.platform.messaging.KafkaEventPublisher;
import de.kim.platform.messaging.KafkaSignIn;
import de.kim.platform.messaging.MalformedEnvelopeException;
import de.kim.platform.web.ActorMetaDataInterceptor;
import de.kim.platform.web.ProblemDetailsAdvice;
import de.kim.platform.web.RequestActorResolver;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import de.kim.platform.domain.Actor;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;

import java.time.Clock;
import java.time.ZoneId;

/**
 * Wires what every KIM service shares: Axon on JDBC with the schema created, tenant and
 * actor on every message, tracking processors that never skip a failed event, the Kafka
 * topics and publisher, tolerant consumers with a dead-letter topic, and problem details.
 */
@AutoConfiguration(before = JdbcAutoConfiguration.class)
@EnableConfigurationProperties(TenantDirectory.class)
public class KimPlatformAutoConfiguration {


    /** The platform's clock: days (opening, due dates) are days in Germany. */
    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.system(ZoneId.of("Europe/Berlin"));
    }

    @Bean
    public OpenAPI openApi(@Value("${spring.application.name}") String service) {
        return new OpenAPI().info(new Info().title("KIM " + service).version("v1")
                .description("Kommunales Integrationsmanagement: API of " + service
                        + ". Errors are RFC 9457 problem details, in German unless Accept-Language asks for English."));
    }

    @Bean
    public SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema();
    }

    @Bean
    public EventStoreSchema eventStoreSchema(ObjectProvider<EventStorageEngine> engine,
                                             ObjectProvider<TokenStore> tokenStore,
                                             ObjectProvider<SagaStore<?>> sagaStore) {
        return new EventStoreSchema(engine, tokenStore, sagaStore);
    }

    @Bean
    public CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(Actor.TENANT, Actor.USER);
    }

    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /**
     * Tracking processors everywhere, in batches; an exception in any handler stops the
     * batch and the processor retries it, so no event is ever skipped silently. For several
     * instances of a service on one event store, {@code kim.processing.segments} splits each
     * processor's stream (by aggregate, so each aggregate's events stay in order) and
     * {@code kim.processing.threads} lets one instance work as many segments as it can claim:
     * the token store's claims decide who works which segment, and a dead instance's claims
     * pass to the others after the claim timeout.
     */
    @Bean
    public ConfigurerModule kimEventProcessing(@Value("${kim.processing.batch-size:100}") int batchSize,
                                               @Value("${kim.processing.segments:1}") int segments,
                                               @Value("${kim.processing.threads:1}") int threads) {
        return configurer -> configurer.eventProcessing()
                .usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(c -> TrackingEventProcessorConfiguration
                        .forParallelProcessing(threads).andInitialSegmentsCount(segments).andBatchSize(batchSize))
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }

    /**
     * Every command names its actor (from the HTTP request, or set by the platform's own
     * principal that sends it), and no handler runs for an actor without a role or a grant.
     */
    @Bean
    public SmartInitializingSingleton actorOnEveryCommand(CommandBus commandBus, RequestActorResolver resolver,
                                                         ObjectProvider<ServiceGrants> grants) {
        ServiceGrants all = grants.orderedStream().reduce(ServiceGrants.builder(), ServiceGrants::merge);
        return () -> {
            commandBus.registerDispatchInterceptor(new ActorMetaDataInterceptor(resolver));
            commandBus.registerHandlerInterceptor(new CommandAuthority(all));
        };
    }

    @Bean
    public ProblemDetailsAdvice problemDetailsAdvice(MessageSource messages) {
        return new ProblemDetailsAdvice(messages);
    }

    @Bean
    public EnvelopeCodec envelopeCodec(ObjectMapper mapper) {
        return new EnvelopeCodec(mapper);
    }

    @Bean
    public EventCommandRelay eventCommandRelay(org.axonframework.commandhandling.gateway.CommandGateway commands) {
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
     * need not have as many partitions as its topic.
     */
    @Bean
    public DefaultErrorHandler kafkaConsumerErrorHandler(KafkaTemplate<String, String> kafka) {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
        // A seal that does not open, or one of another tenant, never will: the record is refused whole.
        handler.addNotRetryableExceptions(MalformedEnvelopeException.class, UnprocessableRecordException.class,
                UnreadableSealException.class, ForeignTenantException.class);
        return handler;
    }

    private static NewTopic topic(String name, int partitions, int replicas) {
        return TopicBuilder.name(name).partitions(partitions).replicas(replicas)
                .config("retention.ms", "-1").build();
    }
}
