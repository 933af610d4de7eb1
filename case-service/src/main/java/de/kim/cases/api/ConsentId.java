package de.kim.cases.api;

import java.util.UUID;

/** Identifies a consent within a case. */
public record ConsentId(String value) {

    public ConsentId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("ConsentId is not blank");
        }
    }

    public static ConsentId random() {
        return new ConsentId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
