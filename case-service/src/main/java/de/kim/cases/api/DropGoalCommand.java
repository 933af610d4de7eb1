package de.kim.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Drop a goal of the plan, with a reason.
 *
 * @param expectedVersion the case version the sender saw (optional); a stale one is refused with 409
 */
public record DropGoalCommand(
        @TargetAggregateIdentifier CaseId caseId,
        GoalId goalId,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {
}
