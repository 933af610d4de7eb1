package de.kim.platform.archfixtures.violating.api;

/** A plain class in api that is no message: the records rule leaves it alone. */
public final class ThingPolicy {
    public boolean allows(OpenThingCommand command) {
        return command.thingId() != null;
    }
}
