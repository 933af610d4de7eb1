package de.kim.contracts.cases;

import de.kim.contracts.EventType;

/** A case went to another case manager (ids, never names). */
public record CaseHandedOver(
        String caseId,
        String fromCaseManager,
        String toCaseManager) {

    public static final EventType TYPE = new EventType("kim.case.CaseHandedOver", 1);
}
