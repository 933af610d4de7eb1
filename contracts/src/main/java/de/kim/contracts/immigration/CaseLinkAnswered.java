package de.kim.contracts.immigration;

import de.kim.contracts.EventType;

import java.time.LocalDate;

/**
 * The immigration office answers case management's request to link a case to a residence
 * record: confirmed (the record is the client's; also at once when the office had handed the
 * person over to case management) or refused. Only a confirmed link carries achievements and
 * status checks. Names the record and the case, never the person.
 *
 * @param caseId            the case that asked
 * @param residenceRecordId the office's residence record
 * @param confirmed         whether the office confirmed the link
 * @param answeredOn        the day of the answer
 */
public record CaseLinkAnswered(
        String caseId,
        String residenceRecordId,
        boolean confirmed,
        LocalDate answeredOn) {

    public static final EventType TYPE = new EventType("kim.immigration.CaseLinkAnswered", 1);
}
