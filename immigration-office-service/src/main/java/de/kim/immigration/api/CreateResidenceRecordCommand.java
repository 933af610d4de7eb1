package de.kim.immigration.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Open a residence record for a person.
 *
 * @param nationality            ISO 3166-1 alpha-3 code, e.g. {@code AFG}
 * @param minorChildInHousehold  whether a minor, unmarried child lives in the household (shortens § 25b)
 */
public record CreateResidenceRecordCommand(@TargetAggregateIdentifier ResidenceRecordId recordId, LocalDate dateOfBirth,
                                           String nationality, LocalDate entryDate, boolean minorChildInHousehold) {
}
