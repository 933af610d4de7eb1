package de.kim.immigration.api;

/** A level of the Common European Framework of Reference for Languages (GER), in ascending order. */
public enum LanguageLevel {
    A1, A2, B1, B2, C1, C2;

    public boolean atLeast(LanguageLevel required) {
        return compareTo(required) >= 0;
    }
}
