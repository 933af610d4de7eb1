package de.kim.cases.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The case manager asked the immigration office for a status check, under a consent for the office. */
@Revision("1")
public record StatusCheckRequestedEvent(
        CaseId caseId,
        StatusCheckId statusCheckId,
        String residenceRecordId,
        ConsentId consentId,
        LocalDate requestedOn) {
}
