package de.kim.contracts.vocabulary;

/** What kind of organisation a partner is. */
public enum PartnerKind {
    JOBCENTER,
    EMPLOYMENT_AGENCY,
    YOUTH_WELFARE_OFFICE,
    SOCIAL_WELFARE_OFFICE,
    MIGRATION_COUNSELLING,
    LANGUAGE_COURSE_PROVIDER,
    WELFARE_ORGANISATION,
    SCHOOL,
    HEALTH_SERVICE,
    OTHER
}
