package de.kim.cases.api;

import de.kim.contracts.vocabulary.FieldOfAction;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A need was resolved. */
@Revision("1")
public record NeedResolvedEvent(
        CaseId caseId,
        NeedId needId,
        FieldOfAction fieldOfAction,
        LocalDate resolvedOn) {
}
