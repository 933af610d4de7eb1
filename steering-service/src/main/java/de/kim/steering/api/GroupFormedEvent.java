package de.kim.steering.api;

import de.kim.contracts.vocabulary.Body;
import org.axonframework.serialization.Revision;

/** A steering group or project group was formed for a tenant. */
@Revision("1")
public record GroupFormedEvent(String groupId, String tenant, Body body, String name) {
}
