package de.kim.cases.api;

import de.kim.contracts.vocabulary.AccessRoute;
import de.kim.contracts.vocabulary.TargetGroup;
import de.kim.platform.privacy.Sealed;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A case was opened. The client's personal data ({@link ClientProfile}) is sealed with the
 * client's own key; the town stays readable, as the anonymous figures count by town.
 */
@Revision("2")
public record CaseOpenedEvent(CaseId caseId, String tenant, Sealed client, String town, TargetGroup targetGroup,
                              AccessRoute accessRoute, String assignee, LocalDate openedOn) {
}
