package de.kim.immigration.web;

import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.immigration.api.Pathway;
import de.kim.immigration.screening.ChancenClock;
import de.kim.immigration.screening.Outcome;
import de.kim.immigration.screening.Verdict;

import java.time.LocalDate;
import java.util.List;

/**
 * The screening of a record as {@code GET /api/residence-records/{id}/pathways} answers it, in the user's language.
 *
 * @param asOf       the day the record was screened for (the same as {@code screenedOn})
 * @param notice     why there is no screening (the record's personal data was erased); null otherwise
 */
public record PathwaysResponse(String recordId, LocalDate screenedOn, LocalDate asOf, ChancenClock chancenClock,
                               List<PathwayResult> pathways, String notice) {

    /**
     * One pathway: the verdict, the rule-set version used, and each requirement with its reason.
     *
     * @param title        the pathway in words, also when no rules are in force on the day
     * @param verdictLabel the verdict in words
     * @param referredTo   the provision to check instead (verdict {@code OTHER_PROVISION}), e.g. § 26 Abs. 4 AufenthG
     * @param note         why the pathway is not screened (no rules in force, or another provision governs)
     */
    public record PathwayResult(Pathway pathway, String title, String legalBasis, RuleSetRef ruleSet, Verdict verdict,
                                String verdictLabel, String referredTo, String note,
                                List<RequirementLine> requirements) {
    }

    /** The rule-set version a screening used, with the law it was taken from (and its Federal Law Gazette citation). */
    public record RuleSetRef(String id, int version, LocalDate effectiveFrom, String source) {
    }

    /** One requirement, why it stands as it does, and where the law says so; the outcome also in words. */
    public record RequirementLine(String id, String requirement, String citation, Outcome outcome, String outcomeLabel,
                                  String reason, FieldOfAction fieldOfAction) {
    }
}
