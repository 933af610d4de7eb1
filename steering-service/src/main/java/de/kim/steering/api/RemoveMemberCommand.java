package de.kim.steering.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A member leaves a group on a day; what they attended and the tasks they own stay on record. */
public record RemoveMemberCommand(@TargetAggregateIdentifier String groupId, String memberId, LocalDate removedOn) {
}
