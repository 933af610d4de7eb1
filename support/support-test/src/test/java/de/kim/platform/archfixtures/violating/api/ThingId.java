package de.kim.platform.archfixtures.violating.api;

/** A typed identifier. */
public record ThingId(String value) {
}
