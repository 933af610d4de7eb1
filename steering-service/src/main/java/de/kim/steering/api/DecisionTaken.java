package de.kim.steering.api;

import java.time.LocalDate;

/** A decision as its group knows it: taken in the meeting {@code meetingId}, held on {@code decidedOn}. */
public record DecisionTaken(String groupId, String decisionId, String meetingId, LocalDate decidedOn) {
}
