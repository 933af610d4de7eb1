package de.kim.partners.api;

import de.kim.contracts.vocabulary.ReferralResult;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Complete an accepted referral with its result; the place is free again. */
public record CompleteReferralCommand(
        @TargetAggregateIdentifier PartnerId partnerId,
        ReferralId referralId,
        ReferralResult result,
        String comment) {
}
