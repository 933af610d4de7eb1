package de.kim.cases.api;

import de.kim.contracts.vocabulary.FieldOfAction;

import java.time.LocalDate;

/** A goal of the integration plan, agreed with the client. */
public record PlannedGoal(
        GoalId goalId,
        FieldOfAction fieldOfAction,
        String description,
        LocalDate targetDate) {
}
