package de.kim.immigration.api;

import java.util.Optional;

/** The pathways to a secure status the office screens for, each with the provision that opens it. */
public enum Pathway {
    AUFENTHG_25A(ResidenceStatusType.AUFENTHALTSERLAUBNIS, "§ 25a"),
    AUFENTHG_25B(ResidenceStatusType.AUFENTHALTSERLAUBNIS, "§ 25b"),
    AUFENTHG_104C(ResidenceStatusType.AUFENTHALTSERLAUBNIS, "§ 104c"),
    AUFENTHG_9(ResidenceStatusType.NIEDERLASSUNGSERLAUBNIS, "§ 9"),
    STAG_10(ResidenceStatusType.EINBUERGERUNG, "§ 10");

    private final ResidenceStatusType grants;
    private final String section;

    Pathway(ResidenceStatusType grants, String section) {
        this.grants = grants;
        this.section = section;
    }

    /** The pathway a new status was reached by, if the status is the one a pathway grants. */
    public static Optional<Pathway> reachedBy(ResidenceStatusType type, String legalBasis) {
        for (Pathway pathway : values()) {
            if (pathway.grants == type && LegalBasis.isSection(legalBasis, pathway.section)) {
                return Optional.of(pathway);
            }
        }
        return Optional.empty();
    }
}
