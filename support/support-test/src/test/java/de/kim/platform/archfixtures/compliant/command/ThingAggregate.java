package de.kim.platform.archfixtures.compliant.command;

import de.kim.platform.archfixtures.compliant.api.OpenThingCommand;
import de.kim.platform.archfixtures.compliant.api.ThingId;
import de.kim.platform.archfixtures.compliant.api.ThingOpenedEvent;
import org.axonframework.spring.stereotype.Aggregate;

/** An aggregate in command that knows only api. */
@Aggregate
public class ThingAggregate {
    private ThingId id;

    public ThingOpenedEvent handle(OpenThingCommand command) {
        return new ThingOpenedEvent(command.thingId());
    }

    public void on(ThingOpenedEvent event) {
        id = event.thingId();
    }
}
