package de.kim.platform.archfixtures.violatingcontracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Breaks the contracts rule: an integration event that needs Jackson. */
public record ThingClosed(@JsonProperty("id") String thingId) {
}
