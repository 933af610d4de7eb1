package de.kim.cases.api;

import de.kim.contracts.vocabulary.AchievementKind;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An achievement was shared with the immigration office, under a consent for it. */
@Revision("1")
public record AchievementSharedEvent(
        CaseId caseId,
        String residenceRecordId,
        AchievementId achievementId,
        AchievementKind kind,
        String level,
        LocalDate achievedOn,
        ConsentId consentId) {
}
