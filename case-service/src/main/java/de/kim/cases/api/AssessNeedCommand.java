package de.kim.cases.api;

import de.kim.contracts.vocabulary.FieldOfAction;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Record a need of the client in a field of action.
 *
 * @param expectedVersion the case version the sender saw (optional); a stale one is refused with 409
 */
public record AssessNeedCommand(
        @TargetAggregateIdentifier CaseId caseId,
        NeedId needId,
        FieldOfAction fieldOfAction,
        Priority priority,
        String description,
        @TargetAggregateVersion Long expectedVersion) {
}
