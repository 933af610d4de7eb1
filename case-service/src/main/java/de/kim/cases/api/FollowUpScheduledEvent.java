package de.kim.cases.api;

import de.kim.platform.privacy.Sealed;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A follow-up was scheduled. */
@Revision("2")
public record FollowUpScheduledEvent(
        CaseId caseId,
        FollowUpId followUpId,
        LocalDate dueOn,
        Sealed subject,
        String assignee) {
}
