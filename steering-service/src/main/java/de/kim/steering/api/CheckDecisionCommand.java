package de.kim.steering.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Ask a group whether one of its meetings took the decision, and on which meeting and day; changes
 * nothing. The adoption of a plan version asks the group itself, so that a decision counts the moment
 * it is taken, not once the meetings' read model shows it. The answer is a {@link DecisionTaken}, or
 * {@code null} when the group (of the asking tenant) took no such decision.
 */
public record CheckDecisionCommand(@TargetAggregateIdentifier String groupId, String decisionId) {
}
