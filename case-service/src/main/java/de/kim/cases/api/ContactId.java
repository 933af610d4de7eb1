package de.kim.cases.api;

import java.util.UUID;

/** Identifies a counselling contact (Beratungskontakt) within a case. */
public record ContactId(String value) {

    public ContactId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("ContactId is not blank");
        }
    }

    public static ContactId random() {
        return new ContactId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
