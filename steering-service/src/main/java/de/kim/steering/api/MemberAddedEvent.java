package de.kim.steering.api;

import de.kim.contracts.vocabulary.MemberRole;
import org.axonframework.serialization.Revision;

/** A member joined a group. */
@Revision("1")
public record MemberAddedEvent(String groupId, String memberId, String name, String organisation, MemberRole role) {
}
