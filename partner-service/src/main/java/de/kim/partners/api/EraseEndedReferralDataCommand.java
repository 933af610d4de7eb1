package de.kim.partners.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The grace period after a referral ended (declined, withdrawn, completed) has passed: erase the
 * client's data the partner received with it. Ids, codes and the status stay in the inbox.
 */
public record EraseEndedReferralDataCommand(
        @TargetAggregateIdentifier PartnerId partnerId,
        ReferralId referralId) {
}
