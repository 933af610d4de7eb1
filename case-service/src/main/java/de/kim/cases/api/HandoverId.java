package de.kim.cases.api;

/** Identifies a hand-over of the immigration office to case management, as the office named it. */
public record HandoverId(String value) {

    public HandoverId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("HandoverId is not blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
