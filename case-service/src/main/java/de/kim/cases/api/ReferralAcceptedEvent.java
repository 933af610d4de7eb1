package de.kim.cases.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The partner accepted the referral. */
@Revision("1")
public record ReferralAcceptedEvent(
        CaseId caseId,
        ReferralId referralId,
        String partnerId,
        Instant answeredAt) {
}
