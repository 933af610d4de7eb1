package de.kim.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Mark a need, measure or achievement of the case as entrusted to case management (§ 65 SGB VIII):
 * from then on it never leaves case management, whatever a consent says. A mark is not taken back.
 *
 * @param itemId          the id of the need, measure or achievement
 * @param expectedVersion the case version the sender saw (optional); a stale one is refused with 409
 */
public record MarkEntrustedCommand(
        @TargetAggregateIdentifier CaseId caseId,
        EntrustedItem item,
        String itemId,
        @TargetAggregateVersion Long expectedVersion) {
}
