package de.kim.platform.archfixtures.violating.api;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Breaks the Spring Boot rule: a domain class bound by Spring Boot. */
@ConfigurationProperties("things")
public record ThingSettings(int limit) {
}
