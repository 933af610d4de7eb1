package de.kim.steering.api;

import de.kim.contracts.vocabulary.MeasureStatus;
import org.axonframework.serialization.Revision;

/** A measure moved on. */
@Revision("1")
public record MeasureStatusChangedEvent(
        String planId,
        String goalId,
        String measureId,
        MeasureStatus status) {
}
