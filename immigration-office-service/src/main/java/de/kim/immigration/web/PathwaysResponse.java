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
 * @param notice why there is no screening (the record's personal data was erased); null otherwise
 */
public record PathwaysResponse(String recordId, LocalDate screenedOn, ChancenClock chancenClock,
                               List<PathwayResult> pathways, String notice) {

    /** One pathway: the verdict, the rule-set version used, and each requirement with its reason. */
    public record PathwayResult(Pathway pathway, String title, String legalBasis, RuleSetRef ruleSet, Verdict verdict,
                                List<RequirementLine> requirements) {
    }

    /** The rule-set version a screening used. */
    public record RuleSetRef(String id, int version, LocalDate effectiveFrom) {
    }

    /** One requirement, why it stands as it does, and where the law says so. */
    public record RequirementLine(String id, String requirement, String citation, Outcome outcome, String reason,
                                  FieldOfAction fieldOfAction) {
    }
}
