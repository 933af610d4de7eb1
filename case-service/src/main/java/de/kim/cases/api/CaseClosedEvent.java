package de.kim.cases.api;

import de.kim.contracts.vocabulary.CaseOutcome;
import de.kim.platform.privacy.Sealed;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The case was closed with an outcome. */
@Revision("2")
public record CaseClosedEvent(
        CaseId caseId,
        CaseOutcome outcome,
        Sealed note,
        LocalDate closedOn) {
}
