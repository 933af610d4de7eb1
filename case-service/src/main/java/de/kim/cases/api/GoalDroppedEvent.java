package de.kim.cases.api;

import de.kim.platform.privacy.Sealed;
import de.kim.contracts.vocabulary.FieldOfAction;
import org.axonframework.serialization.Revision;

/** A goal of the plan was dropped. */
@Revision("2")
public record GoalDroppedEvent(
        CaseId caseId,
        GoalId goalId,
        FieldOfAction fieldOfAction,
        Sealed reason) {
}
