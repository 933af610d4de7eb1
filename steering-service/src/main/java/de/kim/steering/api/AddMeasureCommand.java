package de.kim.steering.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Add a measure to a goal of the action plan. */
public record AddMeasureCommand(
        @TargetAggregateIdentifier String planId,
        String goalId,
        String measureId,
        String title,
        String responsible,
        LocalDate dueOn) {
}
