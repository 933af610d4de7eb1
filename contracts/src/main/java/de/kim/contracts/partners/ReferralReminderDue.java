package de.kim.contracts.partners;

import de.kim.contracts.EventType;

/** A referral was not answered within the configured days. */
public record ReferralReminderDue(
        String referralId,
        String caseId,
        String partnerId,
        int daysWaiting) {

    public static final EventType TYPE = new EventType("kim.partner.ReferralReminderDue", 1);
}
