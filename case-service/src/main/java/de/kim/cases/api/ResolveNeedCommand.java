package de.kim.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Mark a need as resolved.
 *
 * @param expectedVersion the case version the sender saw (optional); a stale one is refused with 409
 */
public record ResolveNeedCommand(
        @TargetAggregateIdentifier CaseId caseId,
        NeedId needId,
        @TargetAggregateVersion Long expectedVersion) {
}
