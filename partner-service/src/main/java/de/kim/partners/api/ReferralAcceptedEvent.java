package de.kim.partners.api;

import org.axonframework.serialization.Revision;

/** The partner accepted a referral; a place is taken. */
@Revision("1")
public record ReferralAcceptedEvent(
        PartnerId partnerId,
        ReferralId referralId,
        String caseId,
        OfferId offerId,
        boolean overCapacity,
        int placesTaken) {
}
