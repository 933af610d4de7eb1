package de.kim.steering.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Schedule a meeting of a group: its day, place and agenda. */
public record ScheduleMeetingCommand(@TargetAggregateIdentifier String groupId, String meetingId, LocalDate heldOn,
                                     String place, List<AgendaItem> agenda) {
}
