package de.kim.platform.archfixtures.compliant.api;

/** A command, a record. */
public record OpenThingCommand(ThingId thingId) {
}
