package de.kim.contracts.vocabulary;

/**
 * The reasons the immigration office names most when it hands a person over to case management
 * (the {@code reasonCode} of {@code kim.immigration.HandoverToCaseManagement}). The API takes any
 * code of the pattern {@code [A-Z][A-Z0-9_]*}; these are the ones the forms offer and label.
 */
public enum HandoverReason {
    LANGUAGE_LEVEL_MISSING,
    INTEGRATION_COURSE_MISSING,
    LIVELIHOOD_NOT_SECURED,
    EMPLOYMENT_MISSING,
    SCHOOL_OR_TRAINING_MISSING,
    IDENTITY_UNCLEAR,
    HOUSING_MISSING,
    OTHER
}
