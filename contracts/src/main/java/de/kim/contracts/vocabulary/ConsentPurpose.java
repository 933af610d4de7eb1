package de.kim.contracts.vocabulary;

/** What a consent allows the recipient to use the data for. */
public enum ConsentPurpose {
    /** A referral to the recipient's offer (Verweisung). */
    REFERRAL,
    /** Coordinating support between case management and the recipient. */
    COORDINATION,
    /** The immigration office's residence matters (achievements, pathway screening). */
    RESIDENCE_MATTERS
}
