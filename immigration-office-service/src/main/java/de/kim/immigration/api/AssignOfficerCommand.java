package de.kim.immigration.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Make an officer responsible for the record: its deadlines and requests appear in their work list. */
public record AssignOfficerCommand(@TargetAggregateIdentifier ResidenceRecordId recordId, String officer) {
}
