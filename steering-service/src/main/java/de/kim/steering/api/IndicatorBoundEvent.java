package de.kim.steering.api;

import de.kim.contracts.vocabulary.Direction;
import de.kim.contracts.vocabulary.Metric;
import org.axonframework.serialization.Revision;

import java.time.YearMonth;

/** An indicator was bound to a goal. */
@Revision("1")
public record IndicatorBoundEvent(
        String planId,
        String goalId,
        String indicatorId,
        Metric metric,
        Direction direction,
        long target,
        YearMonth from,
        YearMonth to,
        String town) {
}
