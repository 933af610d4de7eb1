package de.kim.contracts.cases;

import de.kim.contracts.EventType;

import java.time.LocalDate;

/** A case was closed with an outcome. */
public record CaseClosed(
        String caseId,
        String outcome,
        LocalDate closedOn) {

    public static final EventType TYPE = new EventType("kim.case.CaseClosed", 1);
}
