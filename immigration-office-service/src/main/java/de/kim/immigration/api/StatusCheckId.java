package de.kim.immigration.api;

/** Identifies a status check case management asked for; the id case management gave it. */
public record StatusCheckId(String value) {

    public StatusCheckId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an id is not blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
