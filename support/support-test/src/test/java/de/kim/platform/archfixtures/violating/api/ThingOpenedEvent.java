package de.kim.platform.archfixtures.violating.api;

/** An event, a record. */
public record ThingOpenedEvent(ThingId thingId) {
}
