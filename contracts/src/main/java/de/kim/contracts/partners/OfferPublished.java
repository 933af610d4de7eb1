package de.kim.contracts.partners;

import de.kim.contracts.EventType;

import java.util.List;

/** A partner published or changed an offer. */
public record OfferPublished(
        String partnerId,
        String offerId,
        String title,
        String fieldOfAction,
        List<String> languages,
        String town,
        boolean online,
        int capacity,
        int placesTaken) {

    public static final EventType TYPE = new EventType("kim.partner.OfferPublished", 1);
}
