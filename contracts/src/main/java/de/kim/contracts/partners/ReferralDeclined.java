package de.kim.contracts.partners;

import de.kim.contracts.EventType;

/** The partner declined a referral, with a reason code from the list. */
public record ReferralDeclined(
        String referralId,
        String caseId,
        String partnerId,
        String reason) {

    public static final EventType TYPE = new EventType("kim.partner.ReferralDeclined", 1);
}
