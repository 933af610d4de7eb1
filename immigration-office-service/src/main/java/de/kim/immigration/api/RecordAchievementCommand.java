package de.kim.immigration.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Record an integration achievement.
 *
 * @param level  the language level; only for a language certificate
 * @param until  the day an ongoing achievement (employment, school attendance) ended; null while it lasts
 * @param months the months of pension contributions; only for those
 * @param caseId the case that shared it; null when the officer recorded it. Only a case whose link to the record is
 *               confirmed can share one
 */
public record RecordAchievementCommand(@TargetAggregateIdentifier ResidenceRecordId recordId,
                                       AchievementId achievementId, AchievementKind kind, LanguageLevel level,
                                       LocalDate achievedOn, LocalDate until, Integer months, String caseId) {
}
