package de.kim.partners.api;

import de.kim.contracts.vocabulary.DeclineReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Decline a referral with a reason from the list. */
public record DeclineReferralCommand(
        @TargetAggregateIdentifier PartnerId partnerId,
        ReferralId referralId,
        DeclineReason reason,
        String comment) {
}
