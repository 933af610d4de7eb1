package de.kim.contracts.vocabulary;

/** Where a measure of the action plan stands. */
public enum MeasureStatus {
    PLANNED,
    UNDER_WAY,
    DONE,
    DROPPED
}
