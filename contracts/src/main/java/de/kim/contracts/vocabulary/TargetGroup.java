package de.kim.contracts.vocabulary;

/** The target group (Zielgruppe) a client belongs to, as the steering group counts them. */
public enum TargetGroup {
    NEWLY_ARRIVED,
    ASYLUM_SEEKERS,
    TOLERATED,
    YOUNG_ADULTS,
    FAMILIES,
    OTHER
}
