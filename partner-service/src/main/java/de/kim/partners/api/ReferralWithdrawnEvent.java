package de.kim.partners.api;

import org.axonframework.serialization.Revision;

/** Case management withdrew a referral; a taken place is free again. */
@Revision("1")
public record ReferralWithdrawnEvent(
        PartnerId partnerId,
        ReferralId referralId,
        String caseId,
        String reason,
        boolean placeFreed) {
}
