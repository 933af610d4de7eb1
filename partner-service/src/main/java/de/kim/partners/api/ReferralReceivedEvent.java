package de.kim.partners.api;

import de.kim.platform.privacy.Sealed;
import de.kim.contracts.vocabulary.FieldOfAction;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Set;

/**
 * A referral arrived in the partner's inbox. {@code client} is what the consent releases
 * ({@code SharedClientData}), sealed with the client's key: unreadable once the client is erased.
 * Revision 3 seals the case manager's {@code note} with the same key; revision 2 held it in plain
 * text and is read by {@code ReferralReceivedUpcaster}.
 */
@Revision("3")
public record ReferralReceivedEvent(
        PartnerId partnerId,
        ReferralId referralId,
        String caseId,
        OfferId offerId,
        FieldOfAction fieldOfAction,
        String consentId,
        Set<String> sharedCategories,
        Sealed client,
        Sealed note,
        LocalDate madeOn) {
}
