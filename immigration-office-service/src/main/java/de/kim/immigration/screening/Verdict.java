package de.kim.immigration.screening;

/**
 * What the screening says of a pathway. It never decides: a candidate is a person the officer
 * should look at, with the requirements still to check.
 */
public enum Verdict {
    /** No requirement is missing; the officer checks those marked {@link Outcome#TO_CHECK}. */
    CANDIDATE,
    REQUIREMENTS_MISSING,
    /** Another provision governs for the person's current status (e.g. § 26 Abs. 4 instead of § 9 AufenthG). */
    OTHER_PROVISION,
    /** No version of the rules is in force on the day, e.g. § 104c AufenthG after 31.12.2025. */
    NOT_IN_FORCE
}
