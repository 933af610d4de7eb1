package de.kim.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Mark a follow-up as done.
 *
 * @param expectedVersion the case version the sender saw (optional); a stale one is refused with 409
 */
public record CompleteFollowUpCommand(
        @TargetAggregateIdentifier CaseId caseId,
        FollowUpId followUpId,
        @TargetAggregateVersion Long expectedVersion) {
}
