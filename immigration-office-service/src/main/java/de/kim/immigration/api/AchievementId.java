package de.kim.immigration.api;

import java.util.UUID;

/** Identifies one recorded integration achievement. Random, so that it says nothing about the person. */
public record AchievementId(String value) {

    public AchievementId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an id is not blank");
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
