package de.kim.cases.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The immigration office refused the link: the record is not the client's, and nothing of the case goes to it. */
@Revision("1")
public record ResidenceRecordLinkRefusedEvent(CaseId caseId, String residenceRecordId, LocalDate refusedOn) {
}
