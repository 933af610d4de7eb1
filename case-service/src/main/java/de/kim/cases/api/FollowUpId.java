package de.kim.cases.api;

import java.util.UUID;

/** Identifies a follow-up (Wiedervorlage) within a case. */
public record FollowUpId(String value) {

    public FollowUpId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("FollowUpId is not blank");
        }
    }

    public static FollowUpId random() {
        return new FollowUpId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
