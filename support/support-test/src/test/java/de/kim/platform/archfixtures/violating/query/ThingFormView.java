package de.kim.platform.archfixtures.violating.query;

import de.kim.platform.archfixtures.violating.web.ThingRequest;

/** Breaks the query rule: a read model built from a web request body. */
public record ThingFormView(String id) {
    public static ThingFormView of(ThingRequest request) {
        return new ThingFormView(request.id());
    }
}
