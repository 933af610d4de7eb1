package de.kim.partners.api;

import java.util.UUID;

/** Identifies an offer (Angebot) of a partner. */
public record OfferId(String value) {

    public OfferId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("OfferId is not blank");
        }
    }

    public static OfferId random() {
        return new OfferId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
