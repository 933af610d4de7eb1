package de.kim.cases.api;

import de.kim.platform.privacy.Sealed;
import org.axonframework.serialization.Revision;

/** The case manager confirmed a measure despite the warning. */
@Revision("2")
public record MeasureConfirmedEvent(
        CaseId caseId,
        MeasureId measureId,
        Sealed justification) {
}
