package de.kim.contracts.vocabulary;

/** Whether an indicator's target is a figure to reach or one to stay below. */
public enum Direction {
    AT_LEAST,
    AT_MOST
}
