package de.kim.contracts.cases;

import de.kim.contracts.EventType;

/** The same kind of measure for the same need is funded twice in an overlapping period (Doppelförderung). */
public record DoubleFundingWarned(
        String caseId,
        String measureId,
        String kind,
        String fundedBy,
        String alreadyFundedBy) {

    public static final EventType TYPE = new EventType("kim.case.DoubleFundingWarned", 1);
}
