package de.kim.immigration.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A residence record was opened. Holds personal data (date of birth, nationality): it never leaves the service. */
@Revision("1")
public record ResidenceRecordCreatedEvent(ResidenceRecordId recordId, String tenant, LocalDate dateOfBirth,
                                          String nationality, LocalDate entryDate, boolean minorChildInHousehold) {
}
