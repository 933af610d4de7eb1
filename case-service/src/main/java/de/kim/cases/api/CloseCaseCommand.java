package de.kim.cases.api;

import de.kim.contracts.vocabulary.CaseOutcome;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Close the case with an outcome.
 *
 * @param expectedVersion the case version the sender saw (optional); a stale one is refused with 409
 */
public record CloseCaseCommand(
        @TargetAggregateIdentifier CaseId caseId,
        CaseOutcome outcome,
        String note,
        @TargetAggregateVersion Long expectedVersion) {
}
