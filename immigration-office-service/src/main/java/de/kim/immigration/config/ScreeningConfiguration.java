package de.kim.immigration.config;

import de.kim.immigration.screening.PathwayScreener;
import de.kim.immigration.screening.RuleSetCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reads the rule sets once at start (a malformed one stops the service) and wires the screener. */
@Configuration
public class ScreeningConfiguration {

    @Bean
    public RuleSetCatalog ruleSetCatalog() {
        return RuleSetCatalog.fromClasspath();
    }

    @Bean
    public PathwayScreener pathwayScreener(RuleSetCatalog catalog) {
        return new PathwayScreener(catalog);
    }
}
