package de.kim.steering.api;

import org.axonframework.serialization.Revision;

/** A goal was adopted into the action plan. */
@Revision("1")
public record GoalAdoptedEvent(
        String planId,
        String goalId,
        String title,
        String description,
        String fieldOfAction) {
}
