package de.kim.platform.messaging;

import de.kim.contracts.EventType;

/** A domain event translated into its public contract: the type on the wire and the payload record. */
public record IntegrationEvent(EventType type, Object data) {
}
