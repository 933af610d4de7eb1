package de.kim.cases.api;

import org.axonframework.serialization.Revision;

/** The case was linked to the client's residence record at the immigration office. */
@Revision("1")
public record ResidenceRecordLinkedEvent(
        CaseId caseId,
        String residenceRecordId) {
}
