package de.kim.contracts.cases;

import de.kim.contracts.EventType;

/** The case manager withdrew a referral. */
public record ReferralWithdrawn(
        String caseId,
        String referralId,
        String partnerId,
        String reason) {

    public static final EventType TYPE = new EventType("kim.case.ReferralWithdrawn", 1);
}
