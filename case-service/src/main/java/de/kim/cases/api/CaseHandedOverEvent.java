package de.kim.cases.api;

import de.kim.platform.privacy.Sealed;
import org.axonframework.serialization.Revision;

/** The case went to another case manager. */
@Revision("2")
public record CaseHandedOverEvent(
        CaseId caseId,
        String fromCaseManager,
        String toCaseManager,
        Sealed note) {
}
