package de.kim.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Reopen a closed case.
 *
 * @param expectedVersion the case version the sender saw (optional); a stale one is refused with 409
 */
public record ReopenCaseCommand(
        @TargetAggregateIdentifier CaseId caseId,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {
}
