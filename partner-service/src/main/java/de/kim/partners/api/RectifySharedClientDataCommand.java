package de.kim.partners.api;

import de.kim.platform.privacy.Sealed;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Case management corrected the client's data (Art. 16 GDPR): replace what the partner holds of that
 * client under the consent with {@code client}, a {@code SharedClientData} sealed with the client's key.
 */
public record RectifySharedClientDataCommand(
        @TargetAggregateIdentifier PartnerId partnerId,
        String caseId,
        String consentId,
        Sealed client) {
}
