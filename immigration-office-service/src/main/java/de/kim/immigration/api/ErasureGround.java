package de.kim.immigration.api;

/** Why the personal data of a residence record is erased. */
public enum ErasureGround {
    /** The person asked for it (Art. 17 GDPR) or the law demands it. */
    LAWFUL_REQUEST,
    /** The retention period of the closed record has passed. */
    RETENTION_EXPIRED
}
