package de.kim.partners.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Accept a referral: a place of the offer is taken; beyond capacity only with an explicit override. */
public record AcceptReferralCommand(
        @TargetAggregateIdentifier PartnerId partnerId,
        ReferralId referralId,
        boolean overrideCapacity) {
}
