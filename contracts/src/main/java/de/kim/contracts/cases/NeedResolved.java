package de.kim.contracts.cases;

import de.kim.contracts.EventType;

import java.time.LocalDate;

/** A need was resolved. */
public record NeedResolved(
        String caseId,
        String needId,
        String fieldOfAction,
        LocalDate resolvedOn) {

    public static final EventType TYPE = new EventType("kim.case.NeedResolved", 1);
}
