package de.kim.immigration.messaging;

import de.kim.contracts.immigration.HandoverToCaseManagement;
import de.kim.contracts.immigration.ResidenceStatusProgressed;
import de.kim.immigration.api.HandedOverToCaseManagementEvent;
import de.kim.immigration.api.Pathway;
import de.kim.immigration.api.ResidenceStatusProgressedEvent;
import de.kim.platform.domain.EventSwitch;
import de.kim.platform.messaging.IntegrationEvent;
import de.kim.platform.messaging.IntegrationEventMapper;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Which immigration-office events leave the service on {@code kim.immigration.v1}, and in which
 * shape. No personal data: no date of birth, no nationality, no achievement details.
 */
@Component
public class ImmigrationIntegrationEvents implements IntegrationEventMapper {

    private static final EventSwitch<IntegrationEvent> CONTRACTS = EventSwitch.<IntegrationEvent>builder()
            .on(ResidenceStatusProgressedEvent.class, e -> new IntegrationEvent(ResidenceStatusProgressed.TYPE,
                    new ResidenceStatusProgressed(e.recordId().value(), e.from() == null ? null : e.from().name(),
                            e.to().name(), e.legalBasis(), e.validFrom(), name(e.pathway()))))
            .on(HandedOverToCaseManagementEvent.class, e -> new IntegrationEvent(HandoverToCaseManagement.TYPE,
                    new HandoverToCaseManagement(e.recordId().value(), e.handoverId().value(), e.fieldOfAction().name(),
                            e.reasonCode(), name(e.pathway()), e.handedOverOn())))
            .build();

    @Override
    public Optional<IntegrationEvent> map(Object domainEvent) {
        return CONTRACTS.apply(domainEvent);
    }

    private static String name(Pathway pathway) {
        return pathway == null ? null : pathway.name();
    }
}
