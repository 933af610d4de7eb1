package de.kim.cases.config;

import de.kim.cases.command.CaseAggregate;
import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cache of the cases commanded last ({@link CaseCache}), named by {@link CaseAggregate}'s {@code @Aggregate}. */
@Configuration(proxyBeanMethods = false)
public class CaseCacheConfiguration {

    @Bean(CaseAggregate.CACHE)
    public Cache caseCache(ObjectProvider<org.axonframework.config.Configuration> axon,
                           @Value("${kim.case.cached-cases:500}") int capacity) {
        return new CaseCache(axon::getObject, capacity);
    }
}
