package de.kim.steering.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A measure was added to a goal. */
@Revision("1")
public record MeasureAddedEvent(
        String planId,
        String goalId,
        String measureId,
        String title,
        String responsible,
        LocalDate dueOn) {
}
