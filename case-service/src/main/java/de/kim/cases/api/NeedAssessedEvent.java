package de.kim.cases.api;

import de.kim.contracts.vocabulary.FieldOfAction;
import org.axonframework.serialization.Revision;

/** A need was assessed. */
@Revision("1")
public record NeedAssessedEvent(
        CaseId caseId,
        NeedId needId,
        FieldOfAction fieldOfAction,
        Priority priority,
        String description) {
}
