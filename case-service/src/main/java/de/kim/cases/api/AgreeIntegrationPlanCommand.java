package de.kim.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;
import java.util.List;

/** Agree the integration plan with the client: its goals replace the open goals of the previous plan.
 *
 * @param expectedVersion the case version the sender saw (optional); a stale one is refused with 409
 */
public record AgreeIntegrationPlanCommand(
        @TargetAggregateIdentifier CaseId caseId,
        List<PlannedGoal> goals,
        LocalDate agreedOn,
        @TargetAggregateVersion Long expectedVersion) {
}
