package de.kim.cases.api;

import de.kim.platform.privacy.Sealed;
import org.axonframework.serialization.Revision;

/** The case manager withdrew a referral. */
@Revision("2")
public record ReferralWithdrawnEvent(
        CaseId caseId,
        ReferralId referralId,
        String partnerId,
        Sealed reason) {
}
