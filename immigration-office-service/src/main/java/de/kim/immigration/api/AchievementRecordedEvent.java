package de.kim.immigration.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An integration achievement was recorded on a residence record. */
@Revision("1")
public record AchievementRecordedEvent(ResidenceRecordId recordId, String tenant, AchievementId achievementId,
                                       AchievementKind kind, LanguageLevel level, LocalDate achievedOn,
                                       LocalDate until, Integer months) {
}
