package de.kim.contracts.vocabulary;

/**
 * The kinds of residence status the immigration office records, named as the law names them;
 * immigration-office-service's {@code ResidenceStatusType} adds its legal rules to each.
 */
public enum ResidenceStatusKind {
    AUFENTHALTSGESTATTUNG,
    DULDUNG,
    AUFENTHALTSERLAUBNIS,
    NIEDERLASSUNGSERLAUBNIS,
    ERLAUBNIS_ZUM_DAUERAUFENTHALT_EU,
    EINBUERGERUNG
}
