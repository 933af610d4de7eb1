package de.kim.platform.archfixtures.compliant.web;

import de.kim.platform.archfixtures.compliant.api.OpenThingCommand;
import de.kim.platform.archfixtures.compliant.api.ThingId;
import de.kim.platform.archfixtures.compliant.query.ThingView;
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
