package de.kim.cases.api;

import de.kim.contracts.vocabulary.MeasureKind;
import de.kim.contracts.vocabulary.LegalDomain;
import org.axonframework.serialization.Revision;

/** The platform warned that the same kind of measure for the same need is already funded in an overlapping period (Doppelförderung). */
@Revision("1")
public record DoubleFundingWarnedEvent(
        CaseId caseId,
        MeasureId measureId,
        MeasureId conflictingMeasureId,
        MeasureKind kind,
        LegalDomain fundedBy,
        LegalDomain alreadyFundedBy) {
}
