package de.kim.partners.api;

import de.kim.contracts.vocabulary.DeclineReason;
import org.axonframework.serialization.Revision;

/** A referral could not be received: the partner is inactive or the offer withdrawn. */
@Revision("1")
public record ReferralRefusedEvent(
        PartnerId partnerId,
        ReferralId referralId,
        String caseId,
        DeclineReason reason) {
}
