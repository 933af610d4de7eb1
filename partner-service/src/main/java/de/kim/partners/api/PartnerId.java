package de.kim.partners.api;

import java.util.UUID;

/** Identifies a network partner (organisation). */
public record PartnerId(String value) {

    public PartnerId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("PartnerId is not blank");
        }
    }

    public static PartnerId random() {
        return new PartnerId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
