package de.kim.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Ask the immigration office to check the residence status on the record the case is linked to.
 *
 * @param expectedVersion the case version the sender saw (optional); a stale one is refused with 409
 */
public record RequestStatusCheckCommand(
        @TargetAggregateIdentifier CaseId caseId,
        StatusCheckId statusCheckId,
        @TargetAggregateVersion Long expectedVersion) {
}
