package de.kim.cases.api;

import java.util.UUID;

/** Identifies an integration achievement; the same id at the immigration office. */
public record AchievementId(String value) {

    public AchievementId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("AchievementId is not blank");
        }
    }

    public static AchievementId random() {
        return new AchievementId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
