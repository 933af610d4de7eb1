package de.kim.steering.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the minutes (Protokoll) of one agenda item of a meeting. */
public record RecordMinutesCommand(@TargetAggregateIdentifier String groupId, String meetingId, String agendaItemId,
                                   String text) {
}
