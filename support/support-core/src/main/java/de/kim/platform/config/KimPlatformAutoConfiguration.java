package de.kim.platform.config;

import de.kim.platform.domain.Actor;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.ZoneId;

/**
 * Wires what every KIM service shares at its core: the platform's clock, the tenants served,
 * Axon on JDBC with the schema created, tenant and actor on every message, and tracking
 * processors that never skip a failed event. The web, security, messaging, privacy, audit and
 * read-model modules each wire their own part.
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
    public SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema();
    }

    @Bean
    public EventStoreSchema eventStoreSchema(ObjectProvider<DataSource> dataSource,
                                             ObjectProvider<EventStorageEngine> engine,
                                             ObjectProvider<TokenStore> tokenStore,
                                             ObjectProvider<SagaStore<?>> sagaStore) {
        return new EventStoreSchema(dataSource, engine, tokenStore, sagaStore);
    }

    @Bean
    public CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(Actor.TENANT, Actor.USER);
    }

    /**
     * The service principal that acted for the user (a partner's answer relayed by case-service, a
     * scheduled job) onto what its command makes, as {@link Actor#VIA_SERVICE}: a history then says what the
     * service did instead of naming a user another Baustein knows. Under another key than the command's
     * {@code service}, so no message made later in the same work is sent with the principal's rights.
     */
    @Bean
    public CorrelationDataProvider servicePrincipalCorrelation() {
        return message -> {
            Object service = message.getMetaData().get(Actor.SERVICE);
            return service == null || service.toString().isBlank() ? java.util.Map.of()
                    : java.util.Map.of(Actor.VIA_SERVICE, service);
        };
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
    /** The event store's H2 file synced once a second and compacted at a clean stop (nothing on PostgreSQL): see {@link H2FileSync}. */
    @Bean(destroyMethod = "close")
    public H2FileSync eventStoreSync(ObjectProvider<DataSource> dataSource) {
        return H2FileSync.of(dataSource.getIfAvailable(), "event store").compactingAtClose();
    }

    @Bean
    public ConfigurerModule kimEventProcessing(@Value("${kim.processing.batch-size}") int batchSize,
                                               @Value("${kim.processing.segments:1}") int segments,
                                               @Value("${kim.processing.threads:1}") int threads) {
        return configurer -> configurer.eventProcessing()
                .usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(c -> TrackingEventProcessorConfiguration
                        .forParallelProcessing(threads).andInitialSegmentsCount(segments).andBatchSize(batchSize))
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
