package de.kim.steering.api;

import org.axonframework.serialization.Revision;

/** A goal was changed in the draft of version {@code version}. */
@Revision("1")
public record GoalChangedEvent(String planId, int version, String goalId, String title, String description,
                               String fieldOfAction) {
}
