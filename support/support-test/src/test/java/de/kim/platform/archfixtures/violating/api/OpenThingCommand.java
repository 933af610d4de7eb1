package de.kim.platform.archfixtures.violating.api;

/** A command, a record. */
public record OpenThingCommand(ThingId thingId) {
}
