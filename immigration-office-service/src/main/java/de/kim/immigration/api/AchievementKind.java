package de.kim.immigration.api;

/** The integration achievements the pathway rules ask for. */
public enum AchievementKind {
    /** A German language certificate; carries its level. */
    LANGUAGE_CERTIFICATE,
    SECURED_LIVELIHOOD,
    EMPLOYMENT,
    /** Attending a school in Germany, from the day recorded until {@code until}. */
    SCHOOL_ATTENDANCE,
    SCHOOL_DEGREE,
    VOCATIONAL_DEGREE,
    INTEGRATION_COURSE,
    /** The orientation course with the test "Leben in Deutschland". */
    ORIENTATION_COURSE,
    NATURALISATION_TEST,
    /** Months of contributions to the statutory pension insurance; carries the months. */
    PENSION_CONTRIBUTIONS
}
