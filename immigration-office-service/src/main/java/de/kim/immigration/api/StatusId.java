package de.kim.immigration.api;

import java.util.UUID;

/** Identifies one status entry of a residence record. Random, so that it says nothing about the person. */
public record StatusId(String value) {

    public StatusId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an id is not blank");
        }
    }

    public static StatusId random() {
        return new StatusId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
