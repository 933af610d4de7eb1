package de.kim.platform.archfixtures.compliant.messaging;

/** A class named …Event outside api, not a record: the records rule must not read it. */
public final class ReceivedThingEvent {
    public final String payload;

    public ReceivedThingEvent(String payload) {
        this.payload = payload;
    }
}
