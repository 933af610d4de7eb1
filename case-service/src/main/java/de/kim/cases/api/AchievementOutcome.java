package de.kim.cases.api;

/** Whether a recorded achievement went on to the immigration office. */
public record AchievementOutcome(boolean sharedWithImmigrationOffice) {
}
