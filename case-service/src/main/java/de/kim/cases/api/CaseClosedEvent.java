package de.kim.cases.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The case was closed with an outcome. */
@Revision("1")
public record CaseClosedEvent(
        CaseId caseId,
        CaseOutcome outcome,
        String note,
        LocalDate closedOn) {
}
