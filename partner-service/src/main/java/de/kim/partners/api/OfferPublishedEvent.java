package de.kim.partners.api;

import de.kim.contracts.vocabulary.FieldOfAction;
import org.axonframework.serialization.Revision;

import java.util.Set;

/** An offer was published. */
@Revision("1")
public record OfferPublishedEvent(
        PartnerId partnerId,
        OfferId offerId,
        String title,
        FieldOfAction fieldOfAction,
        Set<String> languages,
        String town,
        boolean online,
        Set<String> targetGroups,
        int capacity) {
}
