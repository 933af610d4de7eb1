package de.kim.partners.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Case management withdrew the referral. */
public record WithdrawReferralCommand(
        @TargetAggregateIdentifier PartnerId partnerId,
        ReferralId referralId,
        String reason) {
}
