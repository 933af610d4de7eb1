package de.kim.immigration.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Case management asked to link a case to this record; the officer has to confirm it. */
@Revision("1")
public record CaseLinkRequestedEvent(ResidenceRecordId recordId, String tenant, String caseId, LocalDate requestedOn) {
}
