package de.kim.steering.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Adopt the open draft as version {@code version}, on the day of the meeting decision that adopts it. */
public record AdoptPlanVersionCommand(@TargetAggregateIdentifier String planId, int version, LocalDate adoptedOn,
                                      String decisionId, String meetingId) {
}
