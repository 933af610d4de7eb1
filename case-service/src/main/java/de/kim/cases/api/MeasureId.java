package de.kim.cases.api;

import java.util.UUID;

/** Identifies a measure within a case. */
public record MeasureId(String value) {

    public MeasureId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("MeasureId is not blank");
        }
    }

    public static MeasureId random() {
        return new MeasureId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
