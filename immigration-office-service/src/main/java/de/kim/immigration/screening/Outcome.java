package de.kim.immigration.screening;

/** How a requirement stands for a record: met, missing, or for the officer to check. */
public enum Outcome {
    MET,
    MISSING,
    TO_CHECK
}
