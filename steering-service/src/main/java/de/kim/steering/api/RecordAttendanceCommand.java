package de.kim.steering.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Record who of the group's members attended a meeting; the others are recorded as absent. */
public record RecordAttendanceCommand(@TargetAggregateIdentifier String groupId, String meetingId,
                                      List<String> presentMemberIds) {
}
