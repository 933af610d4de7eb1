package de.kim.cases.messaging;

import de.kim.cases.api.CaseId;
import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.cases.api.RecordReferralAnswerCommand;
import de.kim.cases.api.ReferralId;
import de.kim.cases.api.ReferralStatus;
import de.kim.cases.query.PartnerDirectoryProjection;
import de.kim.contracts.Envelope;
import de.kim.contracts.Topics;
import de.kim.contracts.partners.OfferPublished;
import de.kim.contracts.partners.OfferWithdrawn;
import de.kim.contracts.partners.PartnerDeactivated;
import de.kim.contracts.partners.PartnerRegistered;
import de.kim.contracts.partners.ReferralAccepted;
import de.kim.contracts.partners.ReferralCompleted;
import de.kim.contracts.partners.ReferralDeclined;
import de.kim.platform.messaging.EnvelopeCodec;
import de.kim.platform.messaging.IntegrationEventHandlers;
import de.kim.platform.messaging.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import de.kim.platform.messaging.EventCommandRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import static de.kim.platform.messaging.RecordFields.code;
import static de.kim.platform.messaging.RecordFields.required;

/**
 * Reads {@code kim.partner.v1}: keeps the partner directory current and brings the partners'
 * answers to referrals into the cases. Idempotent: the directory is written by upserts, and a
 * case ignores an answer it already has. A record with an unknown code or without an id it needs
 * goes to the dead-letter topic before anything is written.
 */
@Component
public class PartnerEventsListener {

    private static final Logger log = LoggerFactory.getLogger(PartnerEventsListener.class);

    private final EnvelopeCodec codec;
    private final PartnerDirectoryProjection directory;
    /** The principal this listener relays as: it may record partners' answers and nothing else. */
    public static final String PRINCIPAL = "case-service.partner-answers";

    private final EventCommandRelay relay;
    private final IntegrationEventHandlers<ReceivedEvent> handlers;

    public PartnerEventsListener(EnvelopeCodec codec, PartnerDirectoryProjection directory, EventCommandRelay relay) {
        this.codec = codec;
        this.directory = directory;
        this.relay = relay;
        this.handlers = handlers();
    }

    @KafkaListener(id = "case-partner-events", groupId = "${spring.kafka.consumer.group-id}-partner-events",
            topics = Topics.PARTNER)
    public void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = codec.decode(record.value());
        handlers.dispatch(event, event);
    }

    private IntegrationEventHandlers<ReceivedEvent> handlers() {
        return IntegrationEventHandlers.<ReceivedEvent>builder("case-partner-events")
                .on(PartnerRegistered.TYPE, PartnerRegistered.class, (event, registered) -> directory.partnerRegistered(
                        event.envelope().tenant(), required(registered.partnerId(), "partnerId")))
                .on(PartnerDeactivated.TYPE, PartnerDeactivated.class, (event, deactivated) ->
                        directory.partnerDeactivated(event.envelope().tenant(),
                                required(deactivated.partnerId(), "partnerId")))
                .on(OfferPublished.TYPE, OfferPublished.class, this::offerPublished)
                .on(OfferWithdrawn.TYPE, OfferWithdrawn.class, (event, withdrawn) -> directory.offerWithdrawn(
                        event.envelope().tenant(), required(withdrawn.partnerId(), "partnerId"),
                        required(withdrawn.offerId(), "offerId")))
                .on(ReferralAccepted.TYPE, ReferralAccepted.class, (event, a) ->
                        answer(event.envelope(), a.caseId(), a.referralId(), ReferralStatus.ACCEPTED, null, null))
                .on(ReferralDeclined.TYPE, ReferralDeclined.class, (event, d) ->
                        answer(event.envelope(), d.caseId(), d.referralId(), ReferralStatus.DECLINED, d.reason(), null))
                .on(ReferralCompleted.TYPE, ReferralCompleted.class, (event, c) ->
                        answer(event.envelope(), c.caseId(), c.referralId(), ReferralStatus.COMPLETED, null, c.result()))
                .build();
    }

    private void offerPublished(ReceivedEvent event, OfferPublished offer) {
        required(offer.partnerId(), "partnerId");
        required(offer.offerId(), "offerId");
        code(FieldOfAction.class, offer.fieldOfAction(), "fieldOfAction");
        directory.offerPublished(event.envelope().tenant(), offer);
    }

    private void answer(Envelope<?> envelope, String caseId, String referralId, ReferralStatus answer, String reason,
                        String result) {
        RecordReferralAnswerCommand command = new RecordReferralAnswerCommand(new CaseId(required(caseId, "caseId")),
                new ReferralId(required(referralId, "referralId")), answer, reason, result, envelope.time());
        // The case refuses this answer for good (unknown referral, answer out of order): retrying cannot help.
        relay.send(PRINCIPAL, command, envelope.tenant(), envelope.actor()).ifPresent(refusal -> log.warn(
                "answer {} to referral {} of case {} not applied: {}", answer, referralId, caseId, refusal.getMessage()));
    }
}
