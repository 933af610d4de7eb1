package de.kim.contracts.cases;

import de.kim.contracts.EventType;

import java.time.LocalDate;

/**
 * A client's integration achievement, shared with the immigration office because a consent
 * for it (purpose {@code RESIDENCE_MATTERS}, data category {@code ACHIEVEMENTS}) is in force.
 * Names the office's residence record, never the person.
 *
 * @param level the language level (A1 to C2) of a language certificate; null for other kinds
 */
public record AchievementShared(
        String caseId,
        String residenceRecordId,
        String achievementId,
        String kind,
        String level,
        LocalDate achievedOn) {

    public static final EventType TYPE = new EventType("kim.case.AchievementShared", 1);
}
