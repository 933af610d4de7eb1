package de.kim.platform.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds the platform's shared settings to every service's environment with the lowest precedence:
 * each support module brings the defaults of its concern as {@code kim-defaults/<concern>.properties}
 * (Kafka in support-messaging, the key store in support-privacy, …), so a service has the defaults
 * of the modules it uses and no others; its own application.yml or an environment variable still
 * overrides each of them. A key set by two modules is refused at start. It also switches off
 * Axon's usage reporting before Axon starts.
 */
public class KimDefaults implements EnvironmentPostProcessor {

    static final String LOCATION = "classpath*:kim-defaults/*.properties";
    private static final String AXON_UPDATE_CHECKER = "axoniq.update-checker.disabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Client data platforms do not phone home: Axon's anonymous usage reporting stays off.
        if (System.getProperty(AXON_UPDATE_CHECKER) == null) {
            System.setProperty(AXON_UPDATE_CHECKER, "true");
        }
        load(LOCATION).forEach(source -> environment.getPropertySources().addLast(source));
    }

    /** The defaults of every support module on the class path, one source per concern, in the order of their names. */
    static List<PropertySource<?>> load(String location) {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(location);
            List<Resource> ordered = new ArrayList<>(List.of(files));
            ordered.sort(Comparator.comparing(Resource::getFilename));
            List<PropertySource<?>> sources = new ArrayList<>();
            Map<String, String> owner = new LinkedHashMap<>();
            for (Resource file : ordered) {
                String name = "kim-defaults/" + file.getFilename();
                for (PropertySource<?> source : new PropertiesPropertySourceLoader().load(name, file)) {
                    for (String key : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
                        String before = owner.putIfAbsent(key, name);
                        if (before != null) {
                            throw new IllegalStateException(key + " is set by " + before + " and by " + name);
                        }
                    }
                    sources.add(source);
                }
            }
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
