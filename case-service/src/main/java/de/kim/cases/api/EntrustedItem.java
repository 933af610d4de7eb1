package de.kim.cases.api;

/** What a case manager can mark as entrusted (anvertraut, § 65 SGB VIII). The order words the history ({@code history.MarkedEntrusted}). */
public enum EntrustedItem {
    /** A need, with its description. */
    NEED,
    /** A measure, with its provider. */
    MEASURE,
    /** An integration achievement. */
    ACHIEVEMENT,
    /** A counselling contact, with its participants and note. */
    CONTACT
}
