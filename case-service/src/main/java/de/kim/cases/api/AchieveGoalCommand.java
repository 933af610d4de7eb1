package de.kim.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/** Mark a goal of the plan as reached.
 *
 * @param expectedVersion the case version the sender saw (optional); a stale one is refused with 409
 */
public record AchieveGoalCommand(
        @TargetAggregateIdentifier CaseId caseId,
        GoalId goalId,
        LocalDate achievedOn,
        @TargetAggregateVersion Long expectedVersion) {
}
