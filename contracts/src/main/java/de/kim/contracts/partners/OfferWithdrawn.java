package de.kim.contracts.partners;

import de.kim.contracts.EventType;

/** A partner withdrew an offer. */
public record OfferWithdrawn(
        String partnerId,
        String offerId) {

    public static final EventType TYPE = new EventType("kim.partner.OfferWithdrawn", 1);
}
