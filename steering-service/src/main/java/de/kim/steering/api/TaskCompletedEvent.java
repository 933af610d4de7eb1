package de.kim.steering.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A task was done. */
@Revision("1")
public record TaskCompletedEvent(String groupId, String taskId, LocalDate doneOn) {
}
