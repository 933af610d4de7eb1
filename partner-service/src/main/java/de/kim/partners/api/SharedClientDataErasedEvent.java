package de.kim.partners.api;

import org.axonframework.serialization.Revision;

import java.util.List;

/** The client data of referrals under a revoked consent was erased from the partner's view. */
@Revision("1")
public record SharedClientDataErasedEvent(
        PartnerId partnerId,
        String caseId,
        String consentId,
        List<ReferralId> referralIds) {
}
