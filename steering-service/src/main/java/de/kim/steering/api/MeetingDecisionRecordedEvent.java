package de.kim.steering.api;

import de.kim.contracts.vocabulary.Body;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A decision was taken in a meeting. It carries the plan (the tenant) and the body, so that it
 * joins the action plan's decisions next to those recorded before meetings existed
 * ({@link DecisionRecordedEvent}).
 */
@Revision("1")
public record MeetingDecisionRecordedEvent(String groupId, String meetingId, String decisionId, String planId,
                                           Body body, LocalDate decidedOn, String agendaItemId, String subject,
                                           String text, String goalId, String measureId) {
}
