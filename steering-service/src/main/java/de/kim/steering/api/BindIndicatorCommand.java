package de.kim.steering.api;

import de.kim.contracts.vocabulary.Direction;
import de.kim.contracts.vocabulary.Metric;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.YearMonth;

/** Bind an indicator to a goal: one of the steering figures, a target and the period it is measured over. */
public record BindIndicatorCommand(
        @TargetAggregateIdentifier String planId,
        String goalId,
        String indicatorId,
        Metric metric,
        Direction direction,
        long target,
        YearMonth from,
        YearMonth to,
        String town) {
}
