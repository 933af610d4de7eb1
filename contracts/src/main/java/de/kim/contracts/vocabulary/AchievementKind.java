package de.kim.contracts.vocabulary;

/** An integration achievement of a client, as case management and the immigration office both name it. */
public enum AchievementKind {
    /** A German language certificate; carries its level (A1 to C2). */
    LANGUAGE_CERTIFICATE,
    SECURED_LIVELIHOOD,
    EMPLOYMENT,
    SCHOOL_ATTENDANCE,
    SCHOOL_DEGREE,
    VOCATIONAL_DEGREE,
    INTEGRATION_COURSE,
    /** The orientation course with the test "Leben in Deutschland". */
    ORIENTATION_COURSE,
    NATURALISATION_TEST
}
