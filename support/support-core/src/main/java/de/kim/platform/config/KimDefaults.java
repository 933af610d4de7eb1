package de.kim.platform.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Adds {@code kim-defaults.properties} to every service's environment with the lowest
 * precedence: the platform's shared settings live in one file, and a service or an
 * environment variable can still override each of them. It also switches off Axon's usage
 * reporting before Axon starts.
 */
public class KimDefaults implements EnvironmentPostProcessor {

    private static final String AXON_UPDATE_CHECKER = "axoniq.update-checker.disabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Client data platforms do not phone home: Axon's anonymous usage reporting stays off.
        if (System.getProperty(AXON_UPDATE_CHECKER) == null) {
            System.setProperty(AXON_UPDATE_CHECKER, "true");
        }
        try {
            new PropertiesPropertySourceLoader()
                    .load("kim-defaults", new ClassPathResource("kim-defaults.properties"))
                    .forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
