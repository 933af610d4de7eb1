package de.kim.steering.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Record a decision taken in a meeting, under one agenda item, optionally for a goal and measure of
 * the action plan, with the tasks it gives to members.
 */
public record TakeDecisionCommand(@TargetAggregateIdentifier String groupId, String meetingId, String decisionId,
                                  String agendaItemId, String subject, String text, String goalId, String measureId,
                                  List<TaskSpec> tasks) {
}
