package de.kim.partners.api;

import java.util.UUID;

/** Identifies a referral; the id case-service gave it. */
public record ReferralId(String value) {

    public ReferralId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("ReferralId is not blank");
        }
    }

    public static ReferralId random() {
        return new ReferralId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
