package de.kim.platform.archfixtures.violating.api;

/** A query, a record. */
public record FindThingQuery(ThingId thingId) {
}
