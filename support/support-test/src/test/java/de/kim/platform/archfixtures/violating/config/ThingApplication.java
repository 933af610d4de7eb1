package de.kim.platform.archfixtures.violating.config;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The wiring, the one place that knows Spring Boot. */
@SpringBootApplication
public class ThingApplication {
}
