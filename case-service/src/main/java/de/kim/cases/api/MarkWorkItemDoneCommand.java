package de.kim.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The case manager has dealt with an item of the work basket (a referral's answer, a hand-over, a consent's end). */
public record MarkWorkItemDoneCommand(
        @TargetAggregateIdentifier CaseId caseId,
        String itemId) {
}
