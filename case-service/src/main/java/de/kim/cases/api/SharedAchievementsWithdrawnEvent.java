package de.kim.cases.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * The consent under which achievements went to the immigration office ended (revoked or
 * expired): the office removes them from the residence record. Ids and a date only.
 */
@Revision("1")
public record SharedAchievementsWithdrawnEvent(
        CaseId caseId,
        ConsentId consentId,
        String residenceRecordId,
        List<AchievementId> achievementIds,
        LocalDate withdrawnOn) {
}
