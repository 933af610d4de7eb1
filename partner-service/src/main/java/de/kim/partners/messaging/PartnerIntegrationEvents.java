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

    @Override
    public Optional<IntegrationEvent> map(Object event) {
        if (event instanceof PartnerRegisteredEvent e) {
            return of(PartnerRegistered.TYPE, new PartnerRegistered(e.partnerId().value(), e.name(),
                    names(e.legalDomains()), names(e.fieldsOfAction()), sorted(e.towns())));
        }
        if (event instanceof PartnerUpdatedEvent e) {
            return of(PartnerRegistered.TYPE, new PartnerRegistered(e.partnerId().value(), e.name(),
                    names(e.legalDomains()), names(e.fieldsOfAction()), sorted(e.towns())));
        }
        if (event instanceof PartnerDeactivatedEvent e) {
            return of(PartnerDeactivated.TYPE, new PartnerDeactivated(e.partnerId().value()));
        }
        if (event instanceof OfferPublishedEvent e) {
            return of(OfferPublished.TYPE, new OfferPublished(e.partnerId().value(), e.offerId().value(), e.title(),
                    e.fieldOfAction().name(), sorted(e.languages()), e.town(), e.online(), e.capacity(), 0));
        }
        if (event instanceof OfferWithdrawnEvent e) {
            return of(OfferWithdrawn.TYPE, new OfferWithdrawn(e.partnerId().value(), e.offerId().value()));
        }
        if (event instanceof ReferralAcceptedEvent e) {
            return of(ReferralAccepted.TYPE, new ReferralAccepted(e.referralId().value(), e.caseId(),
                    e.partnerId().value(), e.offerId().value(), e.overCapacity()));
        }
        if (event instanceof ReferralDeclinedEvent e) {
            return of(ReferralDeclined.TYPE, new ReferralDeclined(e.referralId().value(), e.caseId(),
                    e.partnerId().value(), e.reason().name()));
        }
        if (event instanceof ReferralRefusedEvent e) {
            return of(ReferralDeclined.TYPE, new ReferralDeclined(e.referralId().value(), e.caseId(),
                    e.partnerId().value(), e.reason().name()));
        }
        if (event instanceof ReferralCompletedEvent e) {
            return of(ReferralCompleted.TYPE, new ReferralCompleted(e.referralId().value(), e.caseId(),
                    e.partnerId().value(), e.result().name()));
        }
        if (event instanceof ReferralReminderRaisedEvent e) {
            return of(ReferralReminderDue.TYPE, new ReferralReminderDue(e.referralId().value(), e.caseId(),
                    e.partnerId().value(), e.daysWaiting()));
        }
        return Optional.empty();
    }

    private static List<String> names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toList();
    }

    private static List<String> sorted(Collection<String> values) {
        return values.stream().sorted().toList();
    }

    private static Optional<IntegrationEvent> of(EventType type, Object data) {
        return Optional.of(new IntegrationEvent(type, data));
    }
}
