package de.kim.partners.api;

import de.kim.contracts.vocabulary.FieldOfAction;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Set;

/** A referral arrived in the partner's inbox. */
@Revision("1")
public record ReferralReceivedEvent(
        PartnerId partnerId,
        ReferralId referralId,
        String caseId,
        OfferId offerId,
        FieldOfAction fieldOfAction,
        String consentId,
        Set<String> sharedCategories,
        SharedClient client,
        String note,
        LocalDate madeOn) {
}
