package de.kim.platform.archfixtures.violating.query;

import org.springframework.web.bind.annotation.RestController;

/** Breaks the controller rule: a controller in query. */
@RestController
public class ThingQueryEndpoint {
}
