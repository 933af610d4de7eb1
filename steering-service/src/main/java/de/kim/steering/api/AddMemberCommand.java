package de.kim.steering.api;

import de.kim.contracts.vocabulary.MemberRole;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a member to a group: a person of staff in their function (never a client), their organisation and role. */
public record AddMemberCommand(@TargetAggregateIdentifier String groupId, String memberId, String name,
                               String organisation, MemberRole role) {
}
