package de.kim.steering.api;

import java.time.LocalDate;

/** A task a decision gives: what, to which member, by when. */
public record TaskSpec(String taskId, String title, String ownerMemberId, LocalDate dueOn) {
}
