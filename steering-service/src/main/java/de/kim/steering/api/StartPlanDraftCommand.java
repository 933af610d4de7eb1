package de.kim.steering.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Open the draft of the action plan's next version: only in a draft can goals and indicators change or retire. */
public record StartPlanDraftCommand(@TargetAggregateIdentifier String planId) {
}
