package de.kim.steering.api;

import org.axonframework.serialization.Revision;

/** The minutes of an agenda item were recorded (replacing what was recorded before). */
@Revision("1")
public record MinutesRecordedEvent(String groupId, String meetingId, String agendaItemId, String text) {
}
