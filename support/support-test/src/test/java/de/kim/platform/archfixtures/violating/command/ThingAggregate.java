package de.kim.platform.archfixtures.violating.command;

import de.kim.platform.archfixtures.violating.api.OpenThingCommand;
import de.kim.platform.archfixtures.violating.api.ThingId;
import de.kim.platform.archfixtures.violating.api.ThingOpenedEvent;
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
