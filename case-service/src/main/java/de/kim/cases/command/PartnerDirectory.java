package de.kim.cases.command;

import de.kim.contracts.vocabulary.FieldOfAction;

import java.util.Optional;

/**
 * What case management knows of the network partners' offers, from partner-service's events:
 * enough to refuse a referral to a partner or offer that does not exist or is withdrawn.
 */
public interface PartnerDirectory {

    Optional<Offer> activeOffer(String tenant, String partnerId, String offerId);

    /** An offer a client can be referred to. */
    record Offer(String partnerId, String offerId, FieldOfAction fieldOfAction) {
    }
}
