package de.kim.immigration.api;

import java.util.UUID;

/** Identifies one hand-over to case management. Random, so that it says nothing about the person. */
public record HandoverId(String value) {

    public HandoverId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an id is not blank");
        }
    }

    public static HandoverId random() {
        return new HandoverId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
