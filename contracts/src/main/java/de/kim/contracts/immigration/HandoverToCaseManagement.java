package de.kim.contracts.immigration;

import de.kim.contracts.EventType;

import java.time.LocalDate;

/**
 * The immigration office hands a person over to case management with a need, e.g. a language
 * course missing for § 25b AufenthG. Carries no personal data beyond the record id; case
 * management learns who the person is only through a consent.
 *
 * @param recordId      the residence record
 * @param handoverId    the hand-over; consumers deduplicate on it
 * @param fieldOfAction the field of action (Handlungsfeld) of the need, e.g. {@code LANGUAGE}
 * @param reasonCode    why, as a code, e.g. {@code LANGUAGE_LEVEL_MISSING}
 * @param pathway       the pathway the need stands in the way of, e.g. {@code AUFENTHG_25B}; null if none
 * @param handedOverOn  the day of the hand-over
 */
public record HandoverToCaseManagement(String recordId, String handoverId, String fieldOfAction, String reasonCode,
                                       String pathway, LocalDate handedOverOn) {

    public static final EventType TYPE = new EventType("kim.immigration.HandoverToCaseManagement", 1);
}
