package de.kim.cases.api;

import de.kim.contracts.vocabulary.AchievementKind;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The client reached an integration achievement. */
@Revision("1")
public record AchievementRecordedEvent(
        CaseId caseId,
        AchievementId achievementId,
        AchievementKind kind,
        String level,
        LocalDate achievedOn) {
}
