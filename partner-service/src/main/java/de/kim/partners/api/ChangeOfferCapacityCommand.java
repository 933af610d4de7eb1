package de.kim.partners.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change how many places an offer has. */
public record ChangeOfferCapacityCommand(
        @TargetAggregateIdentifier PartnerId partnerId,
        OfferId offerId,
        int capacity) {
}
