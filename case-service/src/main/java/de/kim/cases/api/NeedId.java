package de.kim.cases.api;

import java.util.UUID;

/** Identifies a need within a case. */
public record NeedId(String value) {

    public NeedId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("NeedId is not blank");
        }
    }

    public static NeedId random() {
        return new NeedId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
