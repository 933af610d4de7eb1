package de.kim.cases.api;

/** How urgent a need is. */
public enum Priority {
    HIGH,
    MEDIUM,
    LOW
}
