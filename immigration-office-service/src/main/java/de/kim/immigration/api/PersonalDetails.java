package de.kim.immigration.api;

import java.time.LocalDate;

/**
 * What a residence record says about the person: sealed with the record's own key in
 * {@link ResidenceRecordCreatedEvent}, readable only until the record is erased. Records opened
 * before names were asked for hold no names, Aktenzeichen or AZR number (null).
 *
 * @param nationality           ISO 3166-1 alpha-3 code, e.g. {@code AFG}
 * @param minorChildInHousehold whether a minor, unmarried child lives in the household (shortens § 25b)
 * @param fileNumber            the Aktenzeichen of the Ausländerbehörde: it points to the person, so it is sealed too
 * @param azrNumber             the number in the Ausländerzentralregister (12 digits), if known
 */
public record PersonalDetails(LocalDate dateOfBirth, String nationality, LocalDate entryDate,
                              boolean minorChildInHousehold, String familyName, String givenName, String fileNumber,
                              String azrNumber) {

    /** The details of a record opened before names were asked for. */
    public PersonalDetails(LocalDate dateOfBirth, String nationality, LocalDate entryDate, boolean minorChildInHousehold) {
        this(dateOfBirth, nationality, entryDate, minorChildInHousehold, null, null, null, null);
    }
}
