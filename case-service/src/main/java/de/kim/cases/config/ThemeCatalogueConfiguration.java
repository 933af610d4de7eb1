package de.kim.cases.config;

import de.kim.cases.command.ThemeCatalogue;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.util.Map;

/**
 * Binds the managed list of generative themes from {@code kim.case.themes}; the binding lives
 * here so that the domain's {@link ThemeCatalogue} stays free of Spring Boot.
 */
@Configuration(proxyBeanMethods = false)
public class ThemeCatalogueConfiguration {

    @Bean
    public ThemeCatalogue themeCatalogue(Environment environment) {
        return new ThemeCatalogue(Binder.get(environment)
                .bind("kim.case.themes", Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
    }
}
