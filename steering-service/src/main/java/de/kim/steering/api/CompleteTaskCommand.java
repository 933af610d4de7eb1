package de.kim.steering.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Mark a task of a group's decision as done. */
public record CompleteTaskCommand(@TargetAggregateIdentifier String groupId, String taskId, LocalDate doneOn) {
}
