package de.kim.contracts.vocabulary;

/** The kind of a measure; two of the same kind for the same need at the same time may be double funding. */
public enum MeasureKind {
    LANGUAGE_COURSE,
    INTEGRATION_COURSE,
    VOCATIONAL_LANGUAGE_COURSE,
    JOB_COACHING,
    VOCATIONAL_TRAINING,
    QUALIFICATION_RECOGNITION,
    CHILDCARE,
    HOUSING_SUPPORT,
    COUNSELLING,
    HEALTH_SUPPORT,
    OTHER
}
