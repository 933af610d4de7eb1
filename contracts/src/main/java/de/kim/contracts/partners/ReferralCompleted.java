package de.kim.contracts.partners;

import de.kim.contracts.EventType;

/** The partner completed a referral, with a result code. */
public record ReferralCompleted(
        String referralId,
        String caseId,
        String partnerId,
        String result) {

    public static final EventType TYPE = new EventType("kim.partner.ReferralCompleted", 1);
}
