package de.kim.contracts.cases;

import de.kim.contracts.EventType;

import java.time.LocalDate;
import java.util.List;

/**
 * Achievements that went to the immigration office ({@link AchievementShared}) are no longer
 * shared: the consent they went under ended, or case management marked one as entrusted
 * (§ 65 SGB VIII). The office removes them from the residence record; the screening no longer
 * counts them. Ids and a date only.
 */
public record SharedAchievementsWithdrawn(
        String caseId,
        String consentId,
        String residenceRecordId,
        List<String> achievementIds,
        LocalDate withdrawnOn) {

    public static final EventType TYPE = new EventType("kim.case.SharedAchievementsWithdrawn", 1);
}
