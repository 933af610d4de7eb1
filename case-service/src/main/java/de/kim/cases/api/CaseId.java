package de.kim.cases.api;

import java.util.UUID;

/** Identifies a case. Random, so that it says nothing about the client. */
public record CaseId(String value) {

    public CaseId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a case id is not blank");
        }
    }

    public static CaseId random() {
        return new CaseId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
