package de.kim.steering.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** A meeting of a group was scheduled with its agenda. */
@Revision("1")
public record MeetingScheduledEvent(String groupId, String meetingId, LocalDate heldOn, String place,
                                    List<AgendaItem> agenda) {
}
