package de.kim.cases.config;

import de.kim.cases.web.StaffController;
import de.kim.platform.web.StaffNames;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

/**
 * The names of the tenant's case managers and leads, learned from their own tokens ({@link StaffNames}),
 * kept beside the event store: the pages and the history name them by these, not by user id.
 */
@Configuration(proxyBeanMethods = false)
public class StaffNamesConfiguration {

    @Bean
    public StaffNames caseManagementNames(JdbcTemplate jdbc, Clock clock) {
        return new StaffNames(jdbc, StaffController.CASE_MANAGEMENT, clock);
    }
}
