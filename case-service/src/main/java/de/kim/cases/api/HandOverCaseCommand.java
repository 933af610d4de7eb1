package de.kim.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Hand the case over to another case manager.
 *
 * @param expectedVersion the case version the sender saw (optional); a stale one is refused with 409
 */
public record HandOverCaseCommand(
        @TargetAggregateIdentifier CaseId caseId,
        String toCaseManager,
        String note,
        @TargetAggregateVersion Long expectedVersion) {
}
