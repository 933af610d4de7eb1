package de.kim.immigration.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close a residence record: the office no longer handles the person; the retention period starts. */
public record CloseResidenceRecordCommand(@TargetAggregateIdentifier ResidenceRecordId recordId, ClosureReason reason) {
}
