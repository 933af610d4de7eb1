package de.kim.platform.archfixtures.violating.api;

/** Breaks the records rule: a command that is a mutable class. */
public class CloseThingCommand {
    public ThingId thingId;
}
