package de.kim.immigration.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Record a new residence status; {@code section} names the AufenthG section of a residence permit. */
public record RecordResidenceStatusCommand(@TargetAggregateIdentifier ResidenceRecordId recordId, StatusId statusId,
                                           ResidenceStatusType type, String section, LocalDate validFrom,
                                           LocalDate validUntil) {
}
