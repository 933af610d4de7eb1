package de.kim.steering.api;

import de.kim.contracts.vocabulary.MemberRole;
import org.axonframework.serialization.Revision;

/** A member's organisation or role changed. */
@Revision("1")
public record MemberChangedEvent(String groupId, String memberId, String organisation, MemberRole role) {
}
