package de.kim.cases.api;

import java.util.UUID;

/** Identifies a request to the immigration office to check a client's residence status. */
public record StatusCheckId(String value) {

    public StatusCheckId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a status check id is not blank");
        }
    }

    public static StatusCheckId random() {
        return new StatusCheckId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
