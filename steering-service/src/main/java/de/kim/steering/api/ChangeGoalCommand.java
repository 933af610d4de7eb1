package de.kim.steering.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change a goal's wording or field of action in the open draft. */
public record ChangeGoalCommand(@TargetAggregateIdentifier String planId, String goalId, String title,
                                String description, String fieldOfAction) {
}
