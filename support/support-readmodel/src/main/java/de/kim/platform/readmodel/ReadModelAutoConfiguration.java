package de.kim.platform.readmodel;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

import java.util.List;

/** A service with read models lists them on the health endpoint and offers their rebuild to administrators. */
@AutoConfiguration
@ConditionalOnBean(ReadModel.class)
public class ReadModelAutoConfiguration {

    @Bean
    public ReadModelsController readModelsController(List<ReadModel> readModels) {
        return new ReadModelsController(readModels);
    }

    @Bean
    public ReadModelsHealth readModelsHealthIndicator(List<ReadModel> readModels) {
        return new ReadModelsHealth(readModels);
    }
}
