package de.kim.platform.archfixtures.compliant.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;

/** A request body. */
public record ThingRequest(@JsonProperty("id") @NotBlank String id) {
}
