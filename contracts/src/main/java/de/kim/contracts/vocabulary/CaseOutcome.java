package de.kim.contracts.vocabulary;

/** How a case ended. */
public enum CaseOutcome {
    GOALS_REACHED,
    MOVED_AWAY,
    NO_CONTACT,
    HANDED_TO_REGULAR_SERVICE,
    OTHER
}
