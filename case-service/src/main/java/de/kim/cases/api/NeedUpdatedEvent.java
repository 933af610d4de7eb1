package de.kim.cases.api;

import org.axonframework.serialization.Revision;

/** A need's priority or description changed. */
@Revision("1")
public record NeedUpdatedEvent(
        CaseId caseId,
        NeedId needId,
        Priority priority,
        String description) {
}
