package de.kim.contracts.cases;

import de.kim.contracts.EventType;

import java.time.LocalDate;

/**
 * Case management asks the immigration office to check a client's residence status, under a
 * consent for the office with purpose {@code RESIDENCE_MATTERS}. Names the office's residence
 * record and the case, never the person; the question itself stays in case management.
 *
 * @param caseId            the case that asks
 * @param residenceRecordId the office's residence record the case is linked to
 * @param statusCheckId     the request; consumers deduplicate on it
 * @param requestedOn       the day the case manager asked
 */
public record StatusCheckRequested(
        String caseId,
        String residenceRecordId,
        String statusCheckId,
        LocalDate requestedOn) {

    public static final EventType TYPE = new EventType("kim.case.StatusCheckRequested", 1);
}
