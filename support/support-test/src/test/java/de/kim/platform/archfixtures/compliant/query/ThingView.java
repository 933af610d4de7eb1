package de.kim.platform.archfixtures.compliant.query;

import de.kim.platform.archfixtures.compliant.api.ThingOpenedEvent;

/** A read model built from events. */
public record ThingView(String id) {
    public static ThingView of(ThingOpenedEvent event) {
        return new ThingView(event.thingId().value());
    }
}
