package de.kim.cases.api;

import de.kim.contracts.vocabulary.Priority;
import de.kim.platform.privacy.Sealed;
import de.kim.contracts.vocabulary.FieldOfAction;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A need was assessed. Revision 2 added {@code assessedOn}; events of revision 1 are upcast
 * by {@code NeedAssessedUpcaster}, which takes the day from the event's timestamp. Revision 3
 * seals the description with the client's key; older ones are read by {@code SealedTextUpcaster}.
 */
@Revision("3")
public record NeedAssessedEvent(
        CaseId caseId,
        NeedId needId,
        FieldOfAction fieldOfAction,
        Priority priority,
        Sealed description,
        LocalDate assessedOn) {
}
