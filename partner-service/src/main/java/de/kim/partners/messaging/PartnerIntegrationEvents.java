package de.kim.partners.messaging;

import de.kim.contracts.EventType;
import de.kim.contracts.partners.OfferPublished;
import de.kim.contracts.partners.OfferWithdrawn;
import de.kim.contracts.partners.PartnerDeactivated;
import de.kim.contracts.partners.PartnerRegistered;
import de.kim.contracts.partners.ReferralAccepted;
import de.kim.contracts.partners.ReferralCompleted;
import de.kim.contracts.partners.ReferralDeclined;
import de.kim.contracts.partners.ReferralReminderDue;
import de.kim.partners.api.*;
import de.kim.platform.domain.EventSwitch;
import de.kim.platform.messaging.IntegrationEvent;
import de.kim.platform.messaging.IntegrationEventMapper;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Which partner events leave partner-service on {@code kim.partner.v1}. A referral that could
 * not be received is published as declined, so that the case learns of it. No client data
 * ever leaves this service.
 */
@Component
public class PartnerIntegrationEvents implements IntegrationEventMapper {

    private static final EventSwitch<IntegrationEvent> CONTRACTS = EventSwitch.<IntegrationEvent>builder()
            .on(PartnerRegisteredEvent.class, e -> of(PartnerRegistered.TYPE, new PartnerRegistered(
                    e.partnerId().value(), e.name(), name(e.kind()), names(e.legalDomains()), names(e.fieldsOfAction()), sorted(e.towns()))))
            .on(PartnerUpdatedEvent.class, e -> of(PartnerRegistered.TYPE, new PartnerRegistered(
                    e.partnerId().value(), e.name(), name(e.kind()), names(e.legalDomains()), names(e.fieldsOfAction()), sorted(e.towns()))))
            .on(PartnerDeactivatedEvent.class, e -> of(PartnerDeactivated.TYPE,
                    new PartnerDeactivated(e.partnerId().value())))
            .on(OfferPublishedEvent.class, e -> of(OfferPublished.TYPE, new OfferPublished(e.partnerId().value(),
                    e.offerId().value(), e.title(), e.fieldOfAction().name(), sorted(e.languages()), e.town(), e.online(),
                    e.capacity(), 0)))
            .on(OfferWithdrawnEvent.class, e -> of(OfferWithdrawn.TYPE,
                    new OfferWithdrawn(e.partnerId().value(), e.offerId().value())))
            .on(ReferralAcceptedEvent.class, e -> of(ReferralAccepted.TYPE, new ReferralAccepted(e.referralId().value(),
                    e.caseId(), e.partnerId().value(), e.offerId().value(), e.overCapacity())))
            .on(ReferralDeclinedEvent.class, e -> of(ReferralDeclined.TYPE, new ReferralDeclined(e.referralId().value(),
                    e.caseId(), e.partnerId().value(), e.reason().name())))
            .on(ReferralRefusedEvent.class, e -> of(ReferralDeclined.TYPE, new ReferralDeclined(e.referralId().value(),
                    e.caseId(), e.partnerId().value(), e.reason().name())))
            .on(ReferralCompletedEvent.class, e -> of(ReferralCompleted.TYPE, new ReferralCompleted(e.referralId().value(),
                    e.caseId(), e.partnerId().value(), e.result().name())))
            .on(ReferralReminderRaisedEvent.class, e -> of(ReferralReminderDue.TYPE, new ReferralReminderDue(
                    e.referralId().value(), e.caseId(), e.partnerId().value(), e.daysWaiting())))
            .build();

    @Override
    public Optional<IntegrationEvent> map(Object event) {
        return CONTRACTS.apply(event);
    }

    private static String name(Enum<?> code) {
        return code == null ? null : code.name();
    }

    private static List<String> names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toList();
    }

    private static List<String> sorted(Collection<String> values) {
        return values.stream().sorted().toList();
    }

    private static IntegrationEvent of(EventType type, Object data) {
        return new IntegrationEvent(type, data);
    }
}
