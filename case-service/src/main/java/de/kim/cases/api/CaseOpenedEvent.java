package de.kim.cases.api;

import de.kim.contracts.vocabulary.AccessRoute;
import de.kim.contracts.vocabulary.TargetGroup;
import de.kim.platform.privacy.Sealed;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A case was opened. The client's personal data ({@link ClientProfile}) is sealed with the
 * client's own key; the town stays readable, as the anonymous figures count by town.
 *
 * @param caseNumber the case's Aktenzeichen, e.g. {@code KIM-2026-00042}: unique in the tenant; {@code null} for
 *                   cases opened before case numbers were given (revision 2)
 */
@Revision("3")
public record CaseOpenedEvent(CaseId caseId, String tenant, String caseNumber, Sealed client, String town,
                              TargetGroup targetGroup, AccessRoute accessRoute, String assignee, LocalDate openedOn) {
}
