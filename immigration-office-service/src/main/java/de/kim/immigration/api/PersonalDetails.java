package de.kim.immigration.api;

import java.time.LocalDate;

/**
 * What a residence record says about the person: sealed with the record's own key in
 * {@link ResidenceRecordCreatedEvent}, readable only until the record is erased.
 *
 * @param nationality           ISO 3166-1 alpha-3 code, e.g. {@code AFG}
 * @param minorChildInHousehold whether a minor, unmarried child lives in the household (shortens § 25b)
 */
public record PersonalDetails(LocalDate dateOfBirth, String nationality, LocalDate entryDate,
                              boolean minorChildInHousehold) {
}
