package de.kim.immigration.api;

/**
 * The kinds of residence status the office records, named as the law names them. Only the
 * residence permit needs a section of the AufenthG; the others have a default legal basis.
 */
public enum ResidenceStatusType {
    AUFENTHALTSGESTATTUNG("§ 55 AsylG", false),
    DULDUNG("§ 60a AufenthG", false),
    AUFENTHALTSERLAUBNIS(null, false),
    NIEDERLASSUNGSERLAUBNIS("§ 9 AufenthG", true),
    ERLAUBNIS_ZUM_DAUERAUFENTHALT_EU("§ 9a AufenthG", true),
    EINBUERGERUNG("§ 10 StAG", true);

    private final String defaultLegalBasis;
    private final boolean permanent;

    ResidenceStatusType(String defaultLegalBasis, boolean permanent) {
        this.defaultLegalBasis = defaultLegalBasis;
        this.permanent = permanent;
    }

    /** The legal basis when none is given; null where the section must be given. */
    public String defaultLegalBasis() {
        return defaultLegalBasis;
    }

    /** Permanent statuses have no end date. */
    public boolean permanent() {
        return permanent;
    }
}
