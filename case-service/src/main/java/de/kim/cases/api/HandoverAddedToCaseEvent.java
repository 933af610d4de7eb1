package de.kim.cases.api;

import org.axonframework.serialization.Revision;

/** The hand-over became the need {@code needId} of the case {@code caseId}. */
@Revision("1")
public record HandoverAddedToCaseEvent(
        HandoverId handoverId,
        CaseId caseId,
        NeedId needId) {
}
