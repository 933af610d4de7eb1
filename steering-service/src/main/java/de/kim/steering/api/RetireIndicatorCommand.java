package de.kim.steering.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retire an indicator in the open draft. */
public record RetireIndicatorCommand(@TargetAggregateIdentifier String planId, String goalId, String indicatorId) {
}
