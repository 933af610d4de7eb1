package de.kim.steering.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adopt a goal into the action plan (Handlungskonzept). */
public record AdoptGoalCommand(
        @TargetAggregateIdentifier String planId,
        String goalId,
        String title,
        String description,
        String fieldOfAction) {
}
