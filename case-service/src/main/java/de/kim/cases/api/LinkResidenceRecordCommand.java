package de.kim.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Link the case to the client's residence record at the immigration office, so that shared
 * achievements reach that record.
 *
 * @param expectedVersion the case version the sender saw (optional); a stale one is refused with 409
 */
public record LinkResidenceRecordCommand(
        @TargetAggregateIdentifier CaseId caseId,
        String residenceRecordId,
        @TargetAggregateVersion Long expectedVersion) {
}
