package de.kim.immigration.api;

import java.util.UUID;

/** Identifies a person's residence record. Random, so that it says nothing about the person. */
public record ResidenceRecordId(String value) {

    public ResidenceRecordId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an id is not blank");
        }
    }

    public static ResidenceRecordId random() {
        return new ResidenceRecordId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
