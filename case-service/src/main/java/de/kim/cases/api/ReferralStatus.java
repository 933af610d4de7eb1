package de.kim.cases.api;

/** Where a referral stands, as in Primero: made, then accepted or declined, then completed; or withdrawn. */
public enum ReferralStatus {
    MADE,
    ACCEPTED,
    DECLINED,
    COMPLETED,
    WITHDRAWN
}
