package de.kim.partners.api;

import de.kim.platform.privacy.Sealed;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The client data of these referrals was corrected on the client's request (Art. 16 GDPR): {@code client}
 * replaces it, as the consent releases it ({@code SharedClientData} without a need description, sealed
 * with the client's key); each referral keeps its own need description.
 */
@Revision("1")
public record SharedClientDataRectifiedEvent(
        PartnerId partnerId,
        String caseId,
        String consentId,
        List<ReferralId> referralIds,
        Sealed client) {
}
