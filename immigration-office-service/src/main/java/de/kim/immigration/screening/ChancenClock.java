package de.kim.immigration.screening;

import de.kim.immigration.api.LegalBasis;
import de.kim.immigration.api.ResidenceStatusType;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The 18 months of a Chancen-Aufenthaltsrecht (§ 104c Abs. 3 Satz 3 AufenthG): the time the
 * person has to meet § 25a or § 25b before falling back into a Duldung.
 */
public record ChancenClock(LocalDate startedOn, LocalDate endsOn, long daysLeft) {

    public static final String CITATION = "§ 104c Abs. 3 AufenthG";
    static final int MONTHS = 18;

    /** The clock of the current status, if it is a permit under § 104c. */
    public static Optional<ChancenClock> of(RecordFacts facts, LocalDate day) {
        if (facts.statuses().isEmpty()) {
            return Optional.empty();
        }
        RecordFacts.StatusFact current = facts.statuses().get(facts.statuses().size() - 1);
        if (current.type() != ResidenceStatusType.AUFENTHALTSERLAUBNIS
                || !LegalBasis.isSection(current.legalBasis(), "§ 104c")) {
            return Optional.empty();
        }
        LocalDate ends = current.validFrom().plusMonths(MONTHS).minusDays(1);
        if (current.validUntil() != null && current.validUntil().isBefore(ends)) {
            ends = current.validUntil();
        }
        return Optional.of(new ChancenClock(current.validFrom(), ends, Math.max(0, ChronoUnit.DAYS.between(day, ends))));
    }
}
