package de.kim.cases.api;

/** How the consent was given, with proof. */
public enum ConsentForm {
    WRITTEN,
    ELECTRONIC
}
