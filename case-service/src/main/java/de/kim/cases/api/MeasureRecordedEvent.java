package de.kim.cases.api;

import de.kim.contracts.vocabulary.MeasureKind;
import de.kim.platform.privacy.Sealed;
import de.kim.contracts.vocabulary.LegalDomain;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A measure was recorded; without a double-funding warning it is active at once. */
@Revision("2")
public record MeasureRecordedEvent(
        CaseId caseId,
        MeasureId measureId,
        MeasureKind kind,
        NeedId needId,
        LegalDomain fundedBy,
        LocalDate from,
        LocalDate to,
        Sealed provider,
        boolean awaitingConfirmation) {
}
