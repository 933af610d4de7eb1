package de.kim.cases.api;

/** Why a client's personal data is erased. */
public enum ErasureGround {
    /** The client asked for it (Art. 17 GDPR) or the law demands it. */
    LAWFUL_REQUEST,
    /** The retention period of the closed case has passed. */
    RETENTION_EXPIRED
}
