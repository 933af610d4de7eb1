package de.kim.partners.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deactivate a partner; its history stays. */
public record DeactivatePartnerCommand(
        @TargetAggregateIdentifier PartnerId partnerId,
        String reason) {
}
