package de.kim.partners.api;

import de.kim.platform.privacy.Sealed;
import de.kim.contracts.vocabulary.FieldOfAction;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.Set;

/** Put a referral from case management into the partner's inbox; the case manager's note comes sealed with the client's key. */
public record ReceiveReferralCommand(
        @TargetAggregateIdentifier PartnerId partnerId,
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
