package de.kim.cases.api;

import org.axonframework.serialization.Revision;

/** The case manager withdrew a referral. */
@Revision("1")
public record ReferralWithdrawnEvent(
        CaseId caseId,
        ReferralId referralId,
        String partnerId,
        String reason) {
}
