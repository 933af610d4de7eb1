package de.kim.contracts.cases;

import de.kim.contracts.EventType;

import java.time.LocalDate;

/** A closed case was reopened. */
public record CaseReopened(
        String caseId,
        LocalDate reopenedOn) {

    public static final EventType TYPE = new EventType("kim.case.CaseReopened", 1);
}
