package de.kim.partners.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A consent was revoked: erase what the partner received of that client under it. */
public record EraseSharedClientDataCommand(
        @TargetAggregateIdentifier PartnerId partnerId,
        String caseId,
        String consentId) {
}
