package de.kim.steering.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retire a goal (with its measures and indicators) in the open draft. */
public record RetireGoalCommand(@TargetAggregateIdentifier String planId, String goalId) {
}
