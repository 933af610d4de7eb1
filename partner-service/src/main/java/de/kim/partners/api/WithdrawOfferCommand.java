package de.kim.partners.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraw an offer. */
public record WithdrawOfferCommand(
        @TargetAggregateIdentifier PartnerId partnerId,
        OfferId offerId) {
}
