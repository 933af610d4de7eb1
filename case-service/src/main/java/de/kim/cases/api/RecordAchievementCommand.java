package de.kim.cases.api;

import de.kim.contracts.vocabulary.AchievementKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/**
 * Record an integration achievement of the client (a certificate, a job). With a consent for
 * the immigration office it is shared with the client's residence record.
 *
 * @param level           the language level (A1 to C2) of a language certificate; null otherwise
 * @param entrusted       entrusted to case management (§ 65 SGB VIII): never shared with the office
 * @param expectedVersion the case version the sender saw (optional); a stale one is refused with 409
 */
public record RecordAchievementCommand(
        @TargetAggregateIdentifier CaseId caseId,
        AchievementId achievementId,
        AchievementKind kind,
        String level,
        LocalDate achievedOn,
        boolean entrusted,
        @TargetAggregateVersion Long expectedVersion) {

    /** An achievement not entrusted (§ 65 SGB VIII). */
    public RecordAchievementCommand(CaseId caseId, AchievementId achievementId, AchievementKind kind, String level,
                                    LocalDate achievedOn, Long expectedVersion) {
        this(caseId, achievementId, kind, level, achievedOn, false, expectedVersion);
    }
}
