package de.kim.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Withdraw a measure (e.g. after a double-funding warning).
 *
 * @param expectedVersion the case version the sender saw (optional); a stale one is refused with 409
 */
public record WithdrawMeasureCommand(
        @TargetAggregateIdentifier CaseId caseId,
        MeasureId measureId,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {
}
