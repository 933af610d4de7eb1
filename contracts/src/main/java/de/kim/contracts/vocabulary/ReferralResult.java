package de.kim.contracts.vocabulary;

/** What came of a completed referral. */
public enum ReferralResult {
    GOAL_REACHED,
    PARTIALLY_REACHED,
    DROPPED_OUT,
    OTHER
}
