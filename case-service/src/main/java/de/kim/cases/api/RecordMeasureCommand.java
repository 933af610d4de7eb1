package de.kim.cases.api;

import de.kim.contracts.vocabulary.MeasureKind;
import de.kim.contracts.vocabulary.LegalDomain;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/** Record a measure for a need and who funds it.
 *
 * @param entrusted       entrusted to case management (§ 65 SGB VIII): it never leaves it
 * @param expectedVersion the case version the sender saw (optional); a stale one is refused with 409
 */
public record RecordMeasureCommand(
        @TargetAggregateIdentifier CaseId caseId,
        MeasureId measureId,
        MeasureKind kind,
        NeedId needId,
        LegalDomain fundedBy,
        LocalDate from,
        LocalDate to,
        String provider,
        boolean entrusted,
        @TargetAggregateVersion Long expectedVersion) {

    /** A measure not entrusted (§ 65 SGB VIII). */
    public RecordMeasureCommand(CaseId caseId, MeasureId measureId, MeasureKind kind, NeedId needId,
                                LegalDomain fundedBy, LocalDate from, LocalDate to, String provider,
                                Long expectedVersion) {
        this(caseId, measureId, kind, needId, fundedBy, from, to, provider, false, expectedVersion);
    }
}
