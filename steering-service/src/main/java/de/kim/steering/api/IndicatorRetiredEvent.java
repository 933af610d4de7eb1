package de.kim.steering.api;

import org.axonframework.serialization.Revision;

/** An indicator was retired in the draft of version {@code version}. */
@Revision("1")
public record IndicatorRetiredEvent(String planId, int version, String goalId, String indicatorId) {
}
