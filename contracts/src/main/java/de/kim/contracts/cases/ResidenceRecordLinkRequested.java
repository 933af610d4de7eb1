package de.kim.contracts.cases;

import de.kim.contracts.EventType;

import java.time.LocalDate;

/**
 * Case management links a case to a residence record of the immigration office and asks the
 * office to confirm that the record is the client's. Until the office confirms
 * ({@code kim.immigration.CaseLinkAnswered}), nothing of the case reaches the record. Names the
 * record and the case, never the person.
 *
 * @param caseId            the case
 * @param residenceRecordId the office's residence record
 * @param requestedOn       the day the case manager linked it
 */
public record ResidenceRecordLinkRequested(
        String caseId,
        String residenceRecordId,
        LocalDate requestedOn) {

    public static final EventType TYPE = new EventType("kim.case.ResidenceRecordLinkRequested", 1);
}
