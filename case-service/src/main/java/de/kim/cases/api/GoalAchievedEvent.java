package de.kim.cases.api;

import de.kim.contracts.vocabulary.FieldOfAction;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A goal of the plan was reached. */
@Revision("1")
public record GoalAchievedEvent(
        CaseId caseId,
        GoalId goalId,
        FieldOfAction fieldOfAction,
        LocalDate achievedOn) {
}
