package de.kim.platform.archfixtures.compliant.api;

/** An event, a record. */
public record ThingOpenedEvent(ThingId thingId) {
}
