package de.kim.immigration.web;

import java.time.LocalDate;
import java.util.List;

/**
 * An officer's work list: the deadlines of the records they are responsible for within the
 * asked window, and case management's status check and link requests on those records still open.
 */
public record WorkList(String officer, int withinDays, List<ExpiringEntry> deadlines, List<StatusCheck> statusChecks,
                       List<LinkRequest> linkRequests) {

    /**
     * An open request of case management to check the status on one of the officer's records.
     *
     * @param record the record's Aktenzeichen and person's name, as the officer reads it; null once erased
     */
    public record StatusCheck(String recordId, String statusCheckId, String caseId, LocalDate requestedOn,
                              long daysWaiting, String record) {
    }

    /** A request of case management to link a case to one of the officer's records, to confirm or refuse. */
    public record LinkRequest(String recordId, String caseId, String requestedBy, LocalDate requestedOn) {
    }
}
