package de.kim.cases.api;

import org.axonframework.serialization.Revision;

/** The case went to another case manager. */
@Revision("1")
public record CaseHandedOverEvent(
        CaseId caseId,
        String fromCaseManager,
        String toCaseManager,
        String note) {
}
