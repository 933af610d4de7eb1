package de.kim.partners.api;

import org.axonframework.serialization.Revision;

/** An offer was withdrawn. */
@Revision("1")
public record OfferWithdrawnEvent(
        PartnerId partnerId,
        OfferId offerId) {
}
