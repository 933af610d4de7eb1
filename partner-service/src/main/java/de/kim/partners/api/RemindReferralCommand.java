package de.kim.partners.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A referral waits too long for an answer: raise a reminder. */
public record RemindReferralCommand(
        @TargetAggregateIdentifier PartnerId partnerId,
        ReferralId referralId,
        int daysWaiting) {
}
