package de.kim.cases.api;

import de.kim.platform.privacy.Sealed;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The partner completed the referral, with a result. */
@Revision("2")
public record ReferralCompletedEvent(
        CaseId caseId,
        ReferralId referralId,
        String partnerId,
        Sealed result,
        Instant answeredAt) {
}
