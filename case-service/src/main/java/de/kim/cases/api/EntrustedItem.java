package de.kim.cases.api;

/** What a case manager can mark as entrusted (anvertraut, § 65 SGB VIII). */
public enum EntrustedItem {
    /** A need, with its description. */
    NEED,
    /** A measure, with its provider. */
    MEASURE,
    /** An integration achievement. */
    ACHIEVEMENT
}
