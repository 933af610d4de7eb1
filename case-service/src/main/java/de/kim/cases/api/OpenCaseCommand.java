package de.kim.cases.api;

import de.kim.contracts.vocabulary.AccessRoute;
import de.kim.contracts.vocabulary.TargetGroup;

/**
 * Open a case for a client, assigned to a case manager, under the Aktenzeichen taken for it
 * ({@code caseNumber}, see {@link de.kim.cases.command.CaseNumbers}).
 */
public record OpenCaseCommand(CaseId caseId, String caseNumber, ClientProfile client, TargetGroup targetGroup,
                              AccessRoute accessRoute, String assignee) {
}
