package de.kim.platform.archfixtures.compliant.api;

/** A query, a record. */
public record FindThingQuery(ThingId thingId) {
}
