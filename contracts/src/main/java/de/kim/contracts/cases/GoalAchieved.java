package de.kim.contracts.cases;

import de.kim.contracts.EventType;

import java.time.LocalDate;

/** A goal of the integration plan was reached. */
public record GoalAchieved(
        String caseId,
        String goalId,
        String fieldOfAction,
        LocalDate achievedOn) {

    public static final EventType TYPE = new EventType("kim.case.GoalAchieved", 1);
}
