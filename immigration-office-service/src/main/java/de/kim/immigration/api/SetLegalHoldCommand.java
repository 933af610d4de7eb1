package de.kim.immigration.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Put a legal hold on a residence record or lift it: while it lasts, the record is not erased. */
public record SetLegalHoldCommand(@TargetAggregateIdentifier ResidenceRecordId recordId, boolean active,
                                  String reason) {
}
