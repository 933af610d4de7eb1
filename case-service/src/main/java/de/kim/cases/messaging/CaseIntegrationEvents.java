package de.kim.cases.messaging;

import de.kim.cases.api.CaseOpenedEvent;
import de.kim.contracts.cases.CaseOpened;
import de.kim.platform.messaging.IntegrationEvent;
import de.kim.platform.messaging.IntegrationEventMapper;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Which case events leave case-service on {@code kim.case.v1}, and in which shape. Personal
 * data of the client is left out of every one.
 */
@Component
public class CaseIntegrationEvents implements IntegrationEventMapper {

    @Override
    public Optional<IntegrationEvent> map(Object domainEvent) {
        if (domainEvent instanceof CaseOpenedEvent e) {
            return Optional.of(new IntegrationEvent(CaseOpened.TYPE, new CaseOpened(e.caseId().value(),
                    e.client().town(), e.targetGroup().name(), e.accessRoute().name(), e.assignee(), e.openedOn())));
        }
        return Optional.empty();
    }
}
