package de.kim.partners.api;

import org.axonframework.serialization.Revision;

/** An offer's capacity changed. */
@Revision("1")
public record OfferCapacityChangedEvent(
        PartnerId partnerId,
        OfferId offerId,
        int capacity,
        int placesTaken) {
}
