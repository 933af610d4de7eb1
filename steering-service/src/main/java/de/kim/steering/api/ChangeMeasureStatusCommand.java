package de.kim.steering.api;

import de.kim.contracts.vocabulary.MeasureStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Move a measure of the action plan on (planned, under way, done, dropped). */
public record ChangeMeasureStatusCommand(
        @TargetAggregateIdentifier String planId,
        String goalId,
        String measureId,
        MeasureStatus status) {
}
