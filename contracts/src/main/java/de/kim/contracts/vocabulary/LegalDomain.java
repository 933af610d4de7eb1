package de.kim.contracts.vocabulary;

/** A legal domain (Rechtskreis) with its own funding body. */
public enum LegalDomain {
    /** Grundsicherung für Arbeitsuchende (Jobcenter). */
    SGB_II,
    /** Arbeitsförderung (Agentur für Arbeit). */
    SGB_III,
    /** Kinder- und Jugendhilfe (Jugendamt). */
    SGB_VIII,
    /** Sozialhilfe (Sozialamt). */
    SGB_XII,
    /** Asylbewerberleistungsgesetz. */
    ASYLBLG,
    /** Aufenthaltsgesetz (e.g. integration courses). */
    AUFENTHG
}
