package de.kim.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Revoke a consent: every later sharing with its recipient stops at once.
 *
 * @param expectedVersion the case version the sender saw (optional); a stale one is refused with 409
 */
public record RevokeConsentCommand(
        @TargetAggregateIdentifier CaseId caseId,
        ConsentId consentId,
        @TargetAggregateVersion Long expectedVersion) {
}
