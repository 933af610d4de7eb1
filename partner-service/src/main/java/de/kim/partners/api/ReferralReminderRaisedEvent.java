package de.kim.partners.api;

import org.axonframework.serialization.Revision;

/** A referral waits for an answer longer than agreed. */
@Revision("1")
public record ReferralReminderRaisedEvent(
        PartnerId partnerId,
        ReferralId referralId,
        String caseId,
        int daysWaiting) {
}
