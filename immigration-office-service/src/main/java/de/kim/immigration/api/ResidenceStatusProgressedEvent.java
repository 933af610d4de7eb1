package de.kim.immigration.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A residence record moved to a new status.
 *
 * @param from    the status before; null for the first status of the record
 * @param pathway the pathway the status was reached by; null if none
 */
@Revision("1")
public record ResidenceStatusProgressedEvent(ResidenceRecordId recordId, String tenant, StatusId statusId,
                                             ResidenceStatusType from, ResidenceStatusType to, String legalBasis,
                                             LocalDate validFrom, LocalDate validUntil, Pathway pathway) {
}
