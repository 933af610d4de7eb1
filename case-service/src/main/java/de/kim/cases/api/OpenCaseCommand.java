package de.kim.cases.api;

import de.kim.contracts.vocabulary.AccessRoute;
import de.kim.contracts.vocabulary.TargetGroup;

/** Open a case for a client, assigned to a case manager. */
public record OpenCaseCommand(CaseId caseId, ClientProfile client, TargetGroup targetGroup, AccessRoute accessRoute,
                              String assignee) {
}
