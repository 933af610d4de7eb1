package de.kim.contracts.vocabulary;

/** How the client came to case management. */
public enum AccessRoute {
    SELF,
    JOBCENTER,
    EMPLOYMENT_AGENCY,
    IMMIGRATION_OFFICE,
    YOUTH_WELFARE_OFFICE,
    SOCIAL_WELFARE_OFFICE,
    SCHOOL,
    MIGRATION_COUNSELLING,
    NETWORK_PARTNER,
    OTHER
}
