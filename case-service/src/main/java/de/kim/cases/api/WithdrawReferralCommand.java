package de.kim.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Withdraw a referral the partner has not completed.
 *
 * @param expectedVersion the case version the sender saw (optional); a stale one is refused with 409
 */
public record WithdrawReferralCommand(
        @TargetAggregateIdentifier CaseId caseId,
        ReferralId referralId,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {
}
