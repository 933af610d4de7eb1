package de.kim.cases.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The immigration office confirmed that the linked residence record is the client's: achievements and status checks may go to it. */
@Revision("1")
public record ResidenceRecordLinkConfirmedEvent(CaseId caseId, String residenceRecordId, LocalDate confirmedOn) {
}
