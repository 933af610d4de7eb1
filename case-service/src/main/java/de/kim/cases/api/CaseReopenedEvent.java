package de.kim.cases.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A closed case was reopened. */
@Revision("1")
public record CaseReopenedEvent(
        CaseId caseId,
        String reason,
        LocalDate reopenedOn) {
}
