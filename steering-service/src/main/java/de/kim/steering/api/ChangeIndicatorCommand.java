package de.kim.steering.api;

import de.kim.contracts.vocabulary.Direction;
import de.kim.contracts.vocabulary.Metric;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.YearMonth;

/** Change an indicator's figure, target, period or town in the open draft. */
public record ChangeIndicatorCommand(@TargetAggregateIdentifier String planId, String goalId, String indicatorId,
                                     Metric metric, Direction direction, long target, YearMonth from, YearMonth to,
                                     String town) {
}
