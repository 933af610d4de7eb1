package de.kim.contracts.cases;

import de.kim.contracts.EventType;

import java.time.LocalDate;

/**
 * A case manager recorded a counselling contact (Beratungskontakt). Counts only: no participant,
 * no note, no language; steering counts contacts and hours of counselling by town and kind.
 *
 * @param kind            {@code IN_PERSON}, {@code PHONE}, {@code VIDEO}, {@code HOME_VISIT},
 *                        {@code ACCOMPANIMENT} or {@code EMAIL}
 * @param interpreterUsed whether an interpreter took part
 */
public record ContactRecorded(
        String caseId,
        String contactId,
        String kind,
        int durationMinutes,
        boolean interpreterUsed,
        LocalDate contactOn) {

    public static final EventType TYPE = new EventType("kim.case.ContactRecorded", 1);
}
