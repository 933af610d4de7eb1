package de.kim.cases.api;

import de.kim.contracts.vocabulary.Priority;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Change the priority or description of an open need.
 *
 * @param expectedVersion the case version the sender saw (optional); a stale one is refused with 409
 */
public record UpdateNeedCommand(
        @TargetAggregateIdentifier CaseId caseId,
        NeedId needId,
        Priority priority,
        String description,
        @TargetAggregateVersion Long expectedVersion) {
}
