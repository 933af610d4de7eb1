package de.kim.steering.api;

import de.kim.contracts.vocabulary.Direction;
import de.kim.contracts.vocabulary.Metric;
import org.axonframework.serialization.Revision;

import java.time.YearMonth;

/** An indicator was changed in the draft of version {@code version}. */
@Revision("1")
public record IndicatorChangedEvent(String planId, int version, String goalId, String indicatorId, Metric metric,
                                    Direction direction, long target, YearMonth from, YearMonth to, String town) {
}
