package de.kim.contracts.vocabulary;

/**
 * The pathways to a secure status the immigration office screens for, by the provision that opens
 * each; immigration-office-service's {@code Pathway} adds the status each grants and its rule sets.
 */
public enum PathwayKind {
    AUFENTHG_25A,
    AUFENTHG_25B,
    AUFENTHG_104C,
    AUFENTHG_9,
    STAG_10
}
