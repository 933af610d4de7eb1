package de.kim.contracts.vocabulary;

/** How urgent a need is. */
public enum Priority {
    HIGH,
    MEDIUM,
    LOW
}
