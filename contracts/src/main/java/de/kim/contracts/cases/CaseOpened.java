package de.kim.contracts.cases;

import de.kim.contracts.EventType;

import java.time.LocalDate;

/**
 * A case manager opened a case. Carries no personal data of the client: other services
 * learn who the client is only through a referral that a consent covers.
 *
 * @param caseId         the case
 * @param town           the client's town within the Kommune
 * @param targetGroup    code of the target group (Zielgruppe), e.g. {@code NEWLY_ARRIVED}
 * @param accessRoute    how the client came, e.g. {@code JOBCENTER}
 * @param assignee       id of the assigned case manager
 * @param openedOn       the day the case was opened
 */
public record CaseOpened(String caseId, String town, String targetGroup, String accessRoute, String assignee,
                         LocalDate openedOn) {

    public static final EventType TYPE = new EventType("kim.case.CaseOpened", 1);
}
