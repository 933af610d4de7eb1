package de.kim.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that the hand-over became a need of a case; recorded once, a repeat changes nothing. */
public record RecordHandoverAddedCommand(
        @TargetAggregateIdentifier HandoverRef handover,
        CaseId caseId,
        NeedId needId) {
}
