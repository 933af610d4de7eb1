package de.kim.immigration.screening;

import de.kim.immigration.api.AchievementKind;
import de.kim.immigration.api.LanguageLevel;
import de.kim.immigration.api.LegalBasis;
import de.kim.immigration.api.ResidenceStatusType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What the screening reads of a residence record: the person's age, household, statuses and achievements. */
public record RecordFacts(LocalDate dateOfBirth, boolean minorChildInHousehold, List<StatusFact> statuses,
                          List<AchievementFact> achievements) {

    public RecordFacts {
        statuses = List.copyOf(statuses);
        achievements = List.copyOf(achievements);
    }

    /**
     * The facts as they stand if the current status is extended: what a look ahead assumes, since an extension is
     * the rule and its refusal a decision of its own. A § 104c permit is not extended (§ 104c Abs. 3 AufenthG).
     */
    public RecordFacts withCurrentStatusExtended() {
        if (statuses.isEmpty() || statuses.get(statuses.size() - 1).validUntil() == null
                || LegalBasis.isSection(statuses.get(statuses.size() - 1).legalBasis(),
                "§ 104c")) {
            return this;
        }
        List<StatusFact> extended = new ArrayList<>(statuses);
        StatusFact current = extended.remove(extended.size() - 1);
        extended.add(new StatusFact(current.type(), current.legalBasis(), current.validFrom(), null));
        return new RecordFacts(dateOfBirth, minorChildInHousehold, extended, achievements);
    }

    /** One status as recorded; statuses are in the order they were recorded, which is the order in time. */
    public record StatusFact(ResidenceStatusType type, String legalBasis, LocalDate validFrom, LocalDate validUntil) {
    }

    /** One achievement as recorded. */
    public record AchievementFact(AchievementKind kind, LanguageLevel level, LocalDate achievedOn, LocalDate until,
                                  Integer months) {
    }
}
