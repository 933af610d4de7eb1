package de.kim.cases.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A follow-up was scheduled. */
@Revision("1")
public record FollowUpScheduledEvent(
        CaseId caseId,
        FollowUpId followUpId,
        LocalDate dueOn,
        String subject,
        String assignee) {
}
