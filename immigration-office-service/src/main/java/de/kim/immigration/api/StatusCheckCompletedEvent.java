package de.kim.immigration.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The officer checked the status case management asked about; it leaves the work list. */
@Revision("1")
public record StatusCheckCompletedEvent(ResidenceRecordId recordId, String tenant, StatusCheckId statusCheckId,
                                        LocalDate completedOn) {
}
