package de.kim.partners.api;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The client data of referrals was erased from the partner's view: the consent it came under
 * ended (revoked or expired), or the referral ended and the grace period after it passed.
 */
@Revision("1")
public record SharedClientDataErasedEvent(
        PartnerId partnerId,
        String caseId,
        String consentId,
        List<ReferralId> referralIds) {
}
