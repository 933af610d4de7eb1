package de.kim.cases.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A case was opened. Holds the client's personal data: it never leaves case-service as it is. */
@Revision("1")
public record CaseOpenedEvent(CaseId caseId, String tenant, ClientProfile client, TargetGroup targetGroup,
                              AccessRoute accessRoute, String assignee, LocalDate openedOn) {
}
