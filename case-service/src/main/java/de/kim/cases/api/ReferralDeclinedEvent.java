package de.kim.cases.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The partner declined the referral, with a reason. */
@Revision("1")
public record ReferralDeclinedEvent(
        CaseId caseId,
        ReferralId referralId,
        String partnerId,
        String reason,
        Instant answeredAt) {
}
