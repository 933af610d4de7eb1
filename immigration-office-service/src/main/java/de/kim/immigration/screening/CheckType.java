package de.kim.immigration.screening;

/**
 * The kinds of check a requirement of a rule set can ask for. The checks are code; their
 * thresholds, the statuses and achievements they count, and their citations are data.
 */
public enum CheckType {
    /** The current status is one of {@code statuses} (held {@code minMonths}), or one of {@code alternatives}. */
    STATUS,
    /** Uninterrupted residence with {@code statuses} for {@code years} (fewer when {@code reducedIf} holds). */
    RESIDENCE_YEARS,
    /** Age from {@code minAge} up to, not including, {@code maxAgeExclusive}. */
    AGE,
    /** A language certificate of at least {@code level}, or one of {@code satisfiedBy}. */
    LANGUAGE_LEVEL,
    /** One of the achievements {@code kinds}, current on the day. */
    ACHIEVEMENT,
    /** The achievement {@code kinds[0]} for {@code years}, or one of {@code satisfiedBy}. */
    ACHIEVEMENT_YEARS,
    /** At least {@code months} of pension contributions. */
    PENSION_MONTHS,
    /** Cannot be screened from the record; the officer checks it. */
    OFFICER_REVIEW
}
