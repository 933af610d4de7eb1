package de.kim.partners.api;

import de.kim.platform.privacy.Sealed;
import de.kim.contracts.vocabulary.FieldOfAction;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Set;

/**
 * A referral arrived in the partner's inbox. {@code client} is what the consent releases
 * ({@code SharedClientData}), sealed with the client's key: unreadable once the client is erased.
 */
@Revision("2")
public record ReferralReceivedEvent(
        PartnerId partnerId,
        ReferralId referralId,
        String caseId,
        OfferId offerId,
        FieldOfAction fieldOfAction,
        String consentId,
        Set<String> sharedCategories,
        Sealed client,
        String note,
        LocalDate madeOn) {
}
