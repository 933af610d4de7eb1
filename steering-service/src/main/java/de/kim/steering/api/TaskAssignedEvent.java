package de.kim.steering.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A decision gave a task to a member of the group, due on a day. */
@Revision("1")
public record TaskAssignedEvent(String groupId, String meetingId, String decisionId, String taskId, String title,
                                String ownerMemberId, LocalDate dueOn, String goalId, String measureId) {
}
