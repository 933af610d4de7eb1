package de.kim.immigration.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Erase the personal data of a residence record: on a lawful request or when the retention
 * period of the closed record has passed. Refused while the record is on legal hold.
 *
 * @param reference the file number of the request or decision (no names)
 */
public record EraseResidenceRecordCommand(@TargetAggregateIdentifier ResidenceRecordId recordId, ErasureGround ground,
                                          String reference) {
}
