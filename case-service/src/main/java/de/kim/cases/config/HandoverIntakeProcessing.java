package de.kim.cases.config;

import de.kim.cases.command.HandoverIntakeSaga;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hand-over intake's processor ({@link HandoverIntakeSaga#PROCESSING_GROUP}) works its
 * stream in one segment whatever {@code kim.processing.segments} says: the saga looks up the
 * residence links that the same processor stores, which holds only if the events are handled in
 * their order. Hand-overs are few; one segment keeps up.
 */
@Configuration
public class HandoverIntakeProcessing {

    @Bean
    public ConfigurerModule handoverIntakeInOneSegment(@Value("${kim.processing.batch-size:100}") int batchSize) {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessorConfiguration(
                HandoverIntakeSaga.PROCESSING_GROUP, c -> TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing().andInitialSegmentsCount(1).andBatchSize(batchSize));
    }
}
