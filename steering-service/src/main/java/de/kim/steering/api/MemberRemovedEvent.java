package de.kim.steering.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A member left a group on a day; they stay on record as a former member. */
@Revision("1")
public record MemberRemovedEvent(String groupId, String memberId, LocalDate removedOn) {
}
