package de.kim.steering.api;

import org.axonframework.serialization.Revision;

import java.util.List;

/** The attendance of a meeting was recorded (replacing what was recorded before). */
@Revision("1")
public record AttendanceRecordedEvent(String groupId, String meetingId, List<String> presentMemberIds) {
}
