package de.kim.steering.api;

import org.axonframework.serialization.Revision;

/** A goal was retired in the draft of version {@code version}. */
@Revision("1")
public record GoalRetiredEvent(String planId, int version, String goalId) {
}
