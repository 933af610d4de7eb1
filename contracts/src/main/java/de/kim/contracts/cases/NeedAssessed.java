package de.kim.contracts.cases;

import de.kim.contracts.EventType;

/** A need of a client was assessed in a field of action. */
public record NeedAssessed(
        String caseId,
        String needId,
        String fieldOfAction,
        String priority) {

    public static final EventType TYPE = new EventType("kim.case.NeedAssessed", 1);
}
