package de.kim.cases.api;

/** What an item of a case manager's work basket (Arbeitskorb) is about. */
public enum WorkItemKind {
    /** A follow-up (Wiedervorlage) due today or overdue. */
    FOLLOW_UP,
    /** A partner answered a referral: accepted, declined or completed it. */
    REFERRAL_ANSWER,
    /** The immigration office handed a need over, and it was added to the case. */
    HANDOVER,
    /** A consent ends within 30 days. */
    CONSENT_EXPIRING,
    /** The immigration office answered a status check of the case. */
    STATUS_CHECK_ANSWER
}
