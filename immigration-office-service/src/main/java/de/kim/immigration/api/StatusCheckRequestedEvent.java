package de.kim.immigration.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Case management asked the office to check the residence status on this record. */
@Revision("1")
public record StatusCheckRequestedEvent(ResidenceRecordId recordId, String tenant, StatusCheckId statusCheckId,
                                        String caseId, LocalDate requestedOn) {
}
