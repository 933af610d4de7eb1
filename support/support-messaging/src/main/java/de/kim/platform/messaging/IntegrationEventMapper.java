package de.kim.platform.messaging;

import java.util.Optional;

/**
 * Each service decides which of its domain events become integration events, and in which
 * shape. What is not mapped stays inside the service.
 */
@FunctionalInterface
public interface IntegrationEventMapper {

    Optional<IntegrationEvent> map(Object domainEvent);
}
