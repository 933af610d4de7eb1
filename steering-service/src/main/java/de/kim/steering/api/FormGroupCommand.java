package de.kim.steering.api;

import de.kim.contracts.vocabulary.Body;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Form the steering group (Lenkungsgruppe) or a project group (Projektgruppe) of the tenant. */
public record FormGroupCommand(@TargetAggregateIdentifier String groupId, Body body, String name) {
}
