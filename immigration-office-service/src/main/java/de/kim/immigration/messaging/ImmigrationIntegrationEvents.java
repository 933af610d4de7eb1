package de.kim.immigration.messaging;

import de.kim.contracts.immigration.CaseLinkAnswered;
import de.kim.contracts.immigration.HandoverToCaseManagement;
import de.kim.contracts.immigration.ResidenceStatusProgressed;
import de.kim.contracts.immigration.StatusCheckAnswered;
import de.kim.immigration.api.CaseLinkAnsweredEvent;
import de.kim.immigration.api.HandedOverToCaseManagementEvent;
import de.kim.immigration.api.Pathway;
import de.kim.immigration.api.ResidenceStatusProgressedEvent;
import de.kim.immigration.api.StatusCheckCompletedEvent;
import de.kim.platform.domain.EventSwitch;
import de.kim.platform.messaging.IntegrationEvent;
import de.kim.platform.messaging.IntegrationEventMapper;
import de.kim.platform.privacy.PersonalDataVault;
import de.kim.platform.privacy.Sealed;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Which immigration-office events leave the service on {@code kim.immigration.v1}, and in which
 * shape. No personal data (no date of birth, no nationality, no achievement details), except the
 * answer to a status check: it goes to the case that asked, sealed with that client's key (opened
 * from the record's key here, at publication, so that the office's store holds it under its own key only).
 */
@Component
public class ImmigrationIntegrationEvents implements IntegrationEventMapper {

    private final EventSwitch<IntegrationEvent> contracts;
    private final PersonalDataVault vault;

    public ImmigrationIntegrationEvents(PersonalDataVault vault) {
        this.vault = vault;
        this.contracts = EventSwitch.<IntegrationEvent>builder()
                .on(ResidenceStatusProgressedEvent.class, e -> new IntegrationEvent(ResidenceStatusProgressed.TYPE,
                        new ResidenceStatusProgressed(e.recordId().value(), e.from() == null ? null : e.from().name(),
                                e.to().name(), e.legalBasis(), e.validFrom(), name(e.pathway()))))
                .on(HandedOverToCaseManagementEvent.class, e -> new IntegrationEvent(HandoverToCaseManagement.TYPE,
                        new HandoverToCaseManagement(e.recordId().value(), e.handoverId().value(), e.fieldOfAction().name(),
                                e.reasonCode(), name(e.pathway()), e.handedOverOn())))
                .on(StatusCheckCompletedEvent.class, this::answered)
                .on(CaseLinkAnsweredEvent.class, e -> new IntegrationEvent(CaseLinkAnswered.TYPE,
                        new CaseLinkAnswered(e.caseId(), e.recordId().value(), e.confirmed(), e.answeredOn())))
                .build();
    }

    @Override
    public Optional<IntegrationEvent> map(Object domainEvent) {
        return contracts.apply(domainEvent);
    }

    /** Null (nothing published) for a check completed before answers went back: it has no case. */
    private IntegrationEvent answered(StatusCheckCompletedEvent e) {
        if (e.caseId() == null) {
            return null;
        }
        return new IntegrationEvent(StatusCheckAnswered.TYPE, new StatusCheckAnswered(e.caseId(), e.recordId().value(),
                e.statusCheckId().value(), resealedForTheCase(e), e.completedOn()));
    }

    /** The answer under the client's key; null when the record or the client is erased by now. */
    private String resealedForTheCase(StatusCheckCompletedEvent e) {
        Optional<StatusCheckAnswered.Answer> answer = vault.open(e.tenant(), e.answer(), StatusCheckAnswered.Answer.class);
        if (answer.isEmpty() || !vault.holdsKeyOf(e.caseId())) {
            return null;
        }
        try {
            Sealed sealed = vault.seal(e.tenant(), e.caseId(), answer.get());
            return sealed.data();
        } catch (IllegalStateException foreignOrErased) { // ForeignTenantException is one
            return null;
        }
    }

    private static String name(Pathway pathway) {
        return pathway == null ? null : pathway.name();
    }
}
