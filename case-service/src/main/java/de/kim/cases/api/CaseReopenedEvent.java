package de.kim.cases.api;

import de.kim.platform.privacy.Sealed;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A closed case was reopened. */
@Revision("2")
public record CaseReopenedEvent(
        CaseId caseId,
        Sealed reason,
        LocalDate reopenedOn) {
}
