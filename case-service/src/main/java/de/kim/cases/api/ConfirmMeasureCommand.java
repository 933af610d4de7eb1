package de.kim.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Confirm a measure despite a double-funding warning, with the reason.
 *
 * @param expectedVersion the case version the sender saw (optional); a stale one is refused with 409
 */
public record ConfirmMeasureCommand(
        @TargetAggregateIdentifier CaseId caseId,
        MeasureId measureId,
        String justification,
        @TargetAggregateVersion Long expectedVersion) {
}
