package de.kim.immigration.screening;

import de.kim.immigration.api.AchievementKind;
import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.immigration.api.LanguageLevel;

import java.time.LocalDate;
import java.util.List;

/**
 * One requirement of a pathway as a rule set states it: what is checked, with which
 * thresholds, and where the law says so.
 *
 * @param citation      the provision, e.g. {@code § 25b Abs. 1 Satz 2 Nr. 4 AufenthG}
 * @param fieldOfAction the field of action a hand-over names when this requirement is missing
 */
public record Requirement(String id, Text text, String citation, CheckType check, Params params,
                          FieldOfAction fieldOfAction) {

    public Requirement {
        params = params == null ? Params.NONE : params;
    }

    /**
     * The thresholds of a check; each check reads only those it names (see {@link CheckType}).
     *
     * @param statuses     status specs: a status type, optionally followed by a section, e.g. {@code AUFENTHALTSERLAUBNIS § 104c}
     * @param onDate       evaluate on this day instead of the screening day (a cut-off date of the law)
     * @param reducedIf    {@code MINOR_CHILD_IN_HOUSEHOLD} or an achievement kind that shortens the years to {@code reducedYears}
     * @param notCounted   status specs whose time does not count towards {@code years} or {@code minMonths}, without
     *                     interrupting the residence (e.g. {@code DULDUNG § 60b}, § 60b Abs. 5 Satz 1 AufenthG)
     */
    public record Params(List<String> statuses, Integer minMonths, List<String> alternatives,
                         List<String> excludedSections, Integer years, Integer reducedYears, String reducedIf,
                         LocalDate onDate, Integer minAge, Integer maxAgeExclusive, LanguageLevel level,
                         List<AchievementKind> kinds, List<AchievementKind> satisfiedBy, Integer months,
                         List<String> notCounted) {

        static final Params NONE = new Params(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);

        public Params {
            statuses = statuses == null ? List.of() : List.copyOf(statuses);
            alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
            excludedSections = excludedSections == null ? List.of() : List.copyOf(excludedSections);
            kinds = kinds == null ? List.of() : List.copyOf(kinds);
            satisfiedBy = satisfiedBy == null ? List.of() : List.copyOf(satisfiedBy);
            notCounted = notCounted == null ? List.of() : List.copyOf(notCounted);
        }
    }
}
