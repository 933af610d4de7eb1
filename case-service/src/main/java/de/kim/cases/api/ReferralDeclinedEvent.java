package de.kim.cases.api;

import de.kim.platform.privacy.Sealed;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The partner declined the referral, with a reason. */
@Revision("2")
public record ReferralDeclinedEvent(
        CaseId caseId,
        ReferralId referralId,
        String partnerId,
        Sealed reason,
        Instant answeredAt) {
}
