package de.kim.cases.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The partner completed the referral, with a result. */
@Revision("1")
public record ReferralCompletedEvent(
        CaseId caseId,
        ReferralId referralId,
        String partnerId,
        String result,
        Instant answeredAt) {
}
