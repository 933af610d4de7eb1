package de.kim.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Record the partner's answer to a referral, as partner-service reported it. */
public record RecordReferralAnswerCommand(
        @TargetAggregateIdentifier CaseId caseId,
        ReferralId referralId,
        ReferralStatus answer,
        String reason,
        String result,
        Instant answeredAt) {
}
