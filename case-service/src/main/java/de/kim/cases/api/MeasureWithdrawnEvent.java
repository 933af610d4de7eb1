package de.kim.cases.api;

import org.axonframework.serialization.Revision;

/** A measure was withdrawn. */
@Revision("1")
public record MeasureWithdrawnEvent(
        CaseId caseId,
        MeasureId measureId,
        String reason) {
}
