package de.kim.cases.api;

import org.axonframework.serialization.Revision;

/** The case manager confirmed a measure despite the warning. */
@Revision("1")
public record MeasureConfirmedEvent(
        CaseId caseId,
        MeasureId measureId,
        String justification) {
}
