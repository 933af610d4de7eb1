package de.kim.immigration.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Open a residence record for a person.
 *
 * @param nationality            ISO 3166-1 alpha-3 code, e.g. {@code AFG}
 * @param minorChildInHousehold  whether a minor, unmarried child lives in the household (shortens § 25b)
 * @param fileNumber             the Aktenzeichen of the Ausländerbehörde
 * @param azrNumber              the AZR number (12 digits), or null
 */
public record CreateResidenceRecordCommand(@TargetAggregateIdentifier ResidenceRecordId recordId, LocalDate dateOfBirth,
                                           String nationality, LocalDate entryDate, boolean minorChildInHousehold,
                                           String familyName, String givenName, String fileNumber, String azrNumber) {
}
