package de.kim.cases.api;

import de.kim.contracts.vocabulary.Priority;
import de.kim.platform.privacy.Sealed;
import org.axonframework.serialization.Revision;

/** A need's priority or description changed. */
@Revision("2")
public record NeedUpdatedEvent(
        CaseId caseId,
        NeedId needId,
        Priority priority,
        Sealed description) {
}
