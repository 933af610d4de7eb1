package de.kim.cases.api;

/** What stops an erasure while it lasts. */
public enum ErasureBlock {
    /** Aufbewahrungspflicht wegen eines Verfahrens: the data must be kept. */
    LEGAL_HOLD,
    /** Bestrittene Richtigkeit (§ 84 SGB X): the client disputes the data; it is blocked, not erased. */
    DISPUTED
}
