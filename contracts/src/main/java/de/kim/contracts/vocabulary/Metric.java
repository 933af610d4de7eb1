package de.kim.contracts.vocabulary;

/** The steering figures an indicator can be bound to. */
public enum Metric {
    CASES_OPENED,
    CASES_CLOSED,
    NEEDS_ASSESSED,
    GOALS_REACHED,
    REFERRALS_MADE,
    REFERRALS_ACCEPTED,
    DOUBLE_FUNDING_WARNINGS,
    OPEN_GAPS
}
