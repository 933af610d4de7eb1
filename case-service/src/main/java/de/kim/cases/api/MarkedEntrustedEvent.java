package de.kim.cases.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A need, measure or achievement was marked as entrusted (§ 65 SGB VIII): it never leaves case
 * management. Ids, a code and a date only; the entrusted text itself stays sealed in its own event.
 */
@Revision("1")
public record MarkedEntrustedEvent(
        CaseId caseId,
        EntrustedItem item,
        String itemId,
        LocalDate markedOn) {
}
