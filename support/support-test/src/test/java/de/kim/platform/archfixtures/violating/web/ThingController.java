package de.kim.platform.archfixtures.violating.web;

import de.kim.platform.archfixtures.violating.api.OpenThingCommand;
import de.kim.platform.archfixtures.violating.api.ThingId;
import de.kim.platform.archfixtures.violating.query.ThingView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** A controller in web. */
@RestController
public class ThingController {
    public ResponseEntity<ThingView> open(ThingRequest request) {
        new OpenThingCommand(new ThingId(request.id()));
        return ResponseEntity.ok(new ThingView(request.id()));
    }
}
