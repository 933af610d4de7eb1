package de.kim.steering.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The plan as it stood was adopted as version {@code version}, in force from {@code adoptedOn}, by a meeting's decision. */
@Revision("1")
public record PlanVersionAdoptedEvent(String planId, int version, LocalDate adoptedOn, String decisionId,
                                      String meetingId) {
}
