package de.kim.cases.config;

import de.kim.cases.command.HandoverIntakeSaga;
import de.kim.cases.query.HandoverRequestsProjection;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hand-over intake's processors. The saga's ({@link HandoverIntakeSaga#PROCESSING_GROUP})
 * works its stream in one segment whatever {@code kim.processing.segments} says: the saga looks
 * up the residence links that the same processor stores, which holds only if the events are
 * handled in their order; hand-overs are few, one segment keeps up. The hand-over requests
 * ({@link HandoverRequestsProjection#PROCESSING_GROUP}) are written while their events are
 * published, so the lead's list is never behind the case file.
 */
@Configuration
public class HandoverIntakeProcessing {

    @Bean
    public ConfigurerModule handoverIntakeProcessors(@Value("${kim.processing.batch-size}") int batchSize) {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessorConfiguration(
                HandoverIntakeSaga.PROCESSING_GROUP, c -> TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing().andInitialSegmentsCount(1).andBatchSize(batchSize))
                .registerSubscribingEventProcessor(HandoverRequestsProjection.PROCESSING_GROUP);
    }
}
