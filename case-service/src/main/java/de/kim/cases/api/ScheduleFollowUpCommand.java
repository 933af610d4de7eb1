package de.kim.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/** Schedule a follow-up (Wiedervorlage) on the case.
 *
 * @param expectedVersion the case version the sender saw (optional); a stale one is refused with 409
 */
public record ScheduleFollowUpCommand(
        @TargetAggregateIdentifier CaseId caseId,
        FollowUpId followUpId,
        LocalDate dueOn,
        String subject,
        String assignee,
        @TargetAggregateVersion Long expectedVersion) {
}
