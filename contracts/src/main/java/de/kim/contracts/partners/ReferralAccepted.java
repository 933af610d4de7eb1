package de.kim.contracts.partners;

import de.kim.contracts.EventType;

/** The partner accepted a referral; a place is taken. */
public record ReferralAccepted(
        String referralId,
        String caseId,
        String partnerId,
        String offerId,
        boolean overCapacity) {

    public static final EventType TYPE = new EventType("kim.partner.ReferralAccepted", 1);
}
