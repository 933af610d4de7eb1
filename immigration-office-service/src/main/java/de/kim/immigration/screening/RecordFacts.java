package de.kim.immigration.screening;

import de.kim.immigration.api.AchievementKind;
import de.kim.immigration.api.LanguageLevel;
import de.kim.immigration.api.ResidenceStatusType;

import java.time.LocalDate;
import java.util.List;

/** What the screening reads of a residence record: the person's age, household, statuses and achievements. */
public record RecordFacts(LocalDate dateOfBirth, boolean minorChildInHousehold, List<StatusFact> statuses,
                          List<AchievementFact> achievements) {

    public RecordFacts {
        statuses = List.copyOf(statuses);
        achievements = List.copyOf(achievements);
    }

    /** One status as recorded; statuses are in the order they were recorded, which is the order in time. */
    public record StatusFact(ResidenceStatusType type, String legalBasis, LocalDate validFrom, LocalDate validUntil) {
    }

    /** One achievement as recorded. */
    public record AchievementFact(AchievementKind kind, LanguageLevel level, LocalDate achievedOn, LocalDate until,
                                  Integer months) {
    }
}
