package de.kim.contracts.cases;

import de.kim.contracts.EventType;

/**
 * Case management links a case to a residence record of the immigration office and asks the
 * office to confirm that the record is the client's. Until the office confirms
 * ({@code kim.immigration.CaseLinkAnswered}), nothing of the case reaches the record. Names the
 * record and the case, never the person.
 *
 * The day of the request is the envelope's {@code time}.
 *
 * @param caseId            the case
 * @param residenceRecordId the office's residence record
 */
public record ResidenceRecordLinkRequested(
        String caseId,
        String residenceRecordId) {

    public static final EventType TYPE = new EventType("kim.case.ResidenceRecordLinkRequested", 1);
}
