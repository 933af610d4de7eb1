package de.kim.immigration.api;

/** The fields of action (Handlungsfelder) of case management, as a need handed over names them. */
public enum FieldOfAction {
    LANGUAGE,
    EDUCATION,
    WORK,
    HOUSING,
    HEALTH,
    FAMILY,
    RESIDENCE,
    BENEFITS,
    PARTICIPATION
}
