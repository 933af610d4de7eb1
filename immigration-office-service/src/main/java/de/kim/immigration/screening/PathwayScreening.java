package de.kim.immigration.screening;

import de.kim.immigration.api.Pathway;

import java.time.LocalDate;
import java.util.List;

/**
 * The screening of one pathway for one record, naming the rule-set version it used.
 *
 * @param referredTo the provision the officer checks instead, when the verdict is {@link Verdict#OTHER_PROVISION}
 */
public record PathwayScreening(Pathway pathway, String legalBasis, String ruleSetId, Integer ruleSetVersion,
                               LocalDate ruleSetEffectiveFrom, Verdict verdict, List<RequirementResult> requirements,
                               String referredTo) {

    public PathwayScreening {
        requirements = requirements == null ? List.of() : List.copyOf(requirements);
    }
}
