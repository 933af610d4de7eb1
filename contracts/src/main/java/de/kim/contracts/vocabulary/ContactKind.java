package de.kim.contracts.vocabulary;

/** How a counselling contact took place. The order words the history ({@code history.ContactRecorded}). */
public enum ContactKind {
    /** A talk in person at the office. */
    IN_PERSON,
    PHONE,
    VIDEO,
    HOME_VISIT,
    /** Accompanying the client, e.g. to an authority. */
    ACCOMPANIMENT,
    EMAIL
}
