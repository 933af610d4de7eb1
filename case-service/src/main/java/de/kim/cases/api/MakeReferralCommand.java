package de.kim.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Refer the client to a partner's offer for a need (Verweisung).
 *
 * @param expectedVersion the case version the sender saw (optional); a stale one is refused with 409
 */
public record MakeReferralCommand(
        @TargetAggregateIdentifier CaseId caseId,
        ReferralId referralId,
        String partnerId,
        String offerId,
        NeedId needId,
        String note,
        @TargetAggregateVersion Long expectedVersion) {
}
