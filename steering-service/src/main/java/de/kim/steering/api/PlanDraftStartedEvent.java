package de.kim.steering.api;

import org.axonframework.serialization.Revision;

/** The draft of the plan's version {@code version} was opened. */
@Revision("1")
public record PlanDraftStartedEvent(String planId, int version) {
}
