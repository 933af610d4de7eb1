package de.kim.contracts.immigration;

import de.kim.contracts.EventType;

import java.time.LocalDate;

/**
 * A person's residence record moved to a new status, e.g. from a Duldung to an
 * Aufenthaltserlaubnis under § 25b AufenthG. Carries no personal data (no name, no date of
 * birth, no nationality): steering counts progressions by pathway from it.
 *
 * @param recordId   the residence record
 * @param fromStatus the status before, e.g. {@code DULDUNG}; null for the first status of a record
 * @param toStatus   the new status, e.g. {@code AUFENTHALTSERLAUBNIS}
 * @param legalBasis the legal basis of the new status, e.g. {@code § 25b AufenthG}
 * @param validFrom  the day the new status is valid from
 * @param pathway    the pathway to a secure status this progression took, e.g. {@code AUFENTHG_25B}; null if none
 */
public record ResidenceStatusProgressed(String recordId, String fromStatus, String toStatus, String legalBasis,
                                        LocalDate validFrom, String pathway) {

    public static final EventType TYPE = new EventType("kim.immigration.ResidenceStatusProgressed", 1);
}
