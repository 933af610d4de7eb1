package de.kim.immigration.web;

import de.kim.immigration.api.AchievementId;
import de.kim.immigration.api.AchievementKind;
import de.kim.immigration.api.LanguageLevel;
import de.kim.immigration.api.RecordAchievementCommand;
import de.kim.immigration.api.ResidenceRecordId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** The body of {@code POST /api/residence-records/{id}/achievements}; a level outside A1..C2 is refused as unreadable. */
public record RecordAchievementRequest(@NotNull AchievementKind kind, LanguageLevel level,
                                       @NotNull LocalDate achievedOn, LocalDate until,
                                       @Min(1) @Max(600) Integer months) {

    RecordAchievementCommand toCommand(ResidenceRecordId recordId, AchievementId achievementId) {
        return new RecordAchievementCommand(recordId, achievementId, kind, level, achievedOn, until, months, null);
    }
}
