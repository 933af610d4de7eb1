package de.kim.platform.archfixtures.compliant.api;

/** A typed identifier. */
public record ThingId(String value) {
}
