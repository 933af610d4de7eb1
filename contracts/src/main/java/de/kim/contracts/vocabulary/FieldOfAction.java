package de.kim.contracts.vocabulary;

/** A field of action (Handlungsfeld) of a need, an offer or a goal; the same codes in every service. */
public enum FieldOfAction {
    LANGUAGE,
    EDUCATION_SCHOOL,
    TRAINING_WORK,
    HOUSING,
    HEALTH,
    FAMILY_CHILDREN,
    RESIDENCE_LEGAL,
    BENEFITS_FINANCES,
    SOCIAL_PARTICIPATION
}
