package de.kim.partners.api;

import de.kim.contracts.vocabulary.FieldOfAction;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/** Publish an offer of the partner. */
public record PublishOfferCommand(
        @TargetAggregateIdentifier PartnerId partnerId,
        OfferId offerId,
        String title,
        FieldOfAction fieldOfAction,
        Set<String> languages,
        String town,
        boolean online,
        Set<String> targetGroups,
        int capacity) {
}
