package de.kim.platform.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;

/** A service with an event store watches it ({@link EventStoreWatch}): health {@code eventStore}. */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
@ConditionalOnBean(DataSource.class)
public class HealthAutoConfiguration {

    @Bean
    public EventStoreWatch eventStoreHealthIndicator(DataSource dataSource, ApplicationEventPublisher events) {
        return new EventStoreWatch(dataSource, events);
    }
}
