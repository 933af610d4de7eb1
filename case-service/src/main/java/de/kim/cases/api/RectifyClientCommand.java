package de.kim.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Correct and complete the client's personal data on the client's request (Berichtigung, Art. 16
 * GDPR): the profile as it should read from now on, replacing the one recorded.
 *
 * @param expectedVersion the case version the sender saw (optional); a stale one is refused with 409
 */
public record RectifyClientCommand(
        @TargetAggregateIdentifier CaseId caseId,
        ClientProfile client,
        @TargetAggregateVersion Long expectedVersion) {
}
