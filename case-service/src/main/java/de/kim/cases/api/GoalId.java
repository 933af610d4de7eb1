package de.kim.cases.api;

import java.util.UUID;

/** Identifies a goal of the integration plan. */
public record GoalId(String value) {

    public GoalId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("GoalId is not blank");
        }
    }

    public static GoalId random() {
        return new GoalId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
