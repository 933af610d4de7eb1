package de.kim.immigration.web;

import de.kim.immigration.api.ResidenceStatusType;

import java.time.LocalDate;

/**
 * A deadline of a record within the asked window: the end of the current permit or of the
 * 18 months of a § 104c permit.
 *
 * @param officer     the officer responsible for the record; null while nobody is assigned
 * @param kindLabel   the deadline in words
 * @param statusLabel the status in words
 */
public record ExpiringEntry(String recordId, Kind kind, ResidenceStatusType status, String legalBasis,
                            LocalDate endsOn, long daysLeft, String officer, String kindLabel, String statusLabel) {

    /** Which deadline it is. */
    public enum Kind {
        PERMIT_EXPIRY,
        CHANCEN_CLOCK
    }
}
