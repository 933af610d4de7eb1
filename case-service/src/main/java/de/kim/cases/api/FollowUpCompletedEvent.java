package de.kim.cases.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A follow-up was done. */
@Revision("1")
public record FollowUpCompletedEvent(
        CaseId caseId,
        FollowUpId followUpId,
        LocalDate completedOn) {
}
