package de.kim.immigration.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Put case management's request for a status check on the residence record.
 *
 * @param caseId      the case that asks, so the officer knows whom to answer
 * @param requestedOn the day case management asked
 */
public record RecordStatusCheckRequestCommand(@TargetAggregateIdentifier ResidenceRecordId recordId,
                                              StatusCheckId statusCheckId, String caseId, LocalDate requestedOn) {
}
