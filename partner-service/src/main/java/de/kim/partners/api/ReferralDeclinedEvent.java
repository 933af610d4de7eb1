package de.kim.partners.api;

import org.axonframework.serialization.Revision;

/** The partner declined a referral. */
@Revision("1")
public record ReferralDeclinedEvent(
        PartnerId partnerId,
        ReferralId referralId,
        String caseId,
        DeclineReason reason,
        String comment) {
}
