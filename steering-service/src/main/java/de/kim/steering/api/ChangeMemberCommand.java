package de.kim.steering.api;

import de.kim.contracts.vocabulary.MemberRole;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change a member's organisation and role in a group (e.g. a guest becomes a member, the chair passes on). */
public record ChangeMemberCommand(@TargetAggregateIdentifier String groupId, String memberId, String organisation,
                                  MemberRole role) {
}
