package de.kim.partners.api;

import org.axonframework.serialization.Revision;

/** The partner completed a referral; the place is free again. */
@Revision("1")
public record ReferralCompletedEvent(
        PartnerId partnerId,
        ReferralId referralId,
        String caseId,
        OfferId offerId,
        ReferralResult result,
        String comment,
        int placesTaken) {
}
