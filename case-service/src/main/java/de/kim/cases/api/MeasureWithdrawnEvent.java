package de.kim.cases.api;

import de.kim.platform.privacy.Sealed;
import org.axonframework.serialization.Revision;

/** A measure was withdrawn. */
@Revision("2")
public record MeasureWithdrawnEvent(
        CaseId caseId,
        MeasureId measureId,
        Sealed reason) {
}
