package de.kim.cases.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An item of the work basket was dealt with: it leaves the work basket. Ids and a date only. */
@Revision("1")
public record WorkItemDoneEvent(
        CaseId caseId,
        String itemId,
        LocalDate doneOn) {
}
