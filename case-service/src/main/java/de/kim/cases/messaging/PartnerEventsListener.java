package de.kim.cases.messaging;

import de.kim.cases.api.CaseId;
import de.kim.cases.api.RecordReferralAnswerCommand;
import de.kim.cases.api.ReferralId;
import de.kim.cases.api.ReferralStatus;
import de.kim.contracts.Envelope;
import de.kim.contracts.Topics;
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

import static de.kim.platform.messaging.RecordFields.required;

/**
 * Reads {@code kim.partner.v1} for the partners' answers to referrals and brings them into the
 * cases (the partner directory is kept from the same topic by {@link PartnerDirectoryListener}, in
 * a group of its own). Idempotent: a case ignores an answer it already has. A record without an
 * id it needs goes to the dead-letter topic before anything is sent.
 */
@Component
public class PartnerEventsListener {

    private static final Logger log = LoggerFactory.getLogger(PartnerEventsListener.class);

    private final EnvelopeCodec codec;
    /** The principal this listener relays as: it may record partners' answers and nothing else. */
    public static final String PRINCIPAL = "case-service.partner-answers";

    private final EventCommandRelay relay;
    private final IntegrationEventHandlers<ReceivedEvent> handlers;

    public PartnerEventsListener(EnvelopeCodec codec, EventCommandRelay relay) {
        this.codec = codec;
        this.relay = relay;
        this.handlers = handlers();
    }

    @KafkaListener(id = "case-partner-events", groupId = "${spring.kafka.consumer.group-id}-partner-events",
            topics = Topics.PARTNER)
    public void on(ConsumerRecord<String, String> record) {
        IntegrationEventHandlers.read(record, codec, handlers);
    }

    private IntegrationEventHandlers<ReceivedEvent> handlers() {
        return IntegrationEventHandlers.<ReceivedEvent>builder("case-partner-events")
                .on(ReferralAccepted.TYPE, ReferralAccepted.class, (event, a) ->
                        answer(event.envelope(), a.caseId(), a.referralId(), ReferralStatus.ACCEPTED, null, null))
                .on(ReferralDeclined.TYPE, ReferralDeclined.class, (event, d) ->
                        answer(event.envelope(), d.caseId(), d.referralId(), ReferralStatus.DECLINED, d.reason(), null))
                .on(ReferralCompleted.TYPE, ReferralCompleted.class, (event, c) ->
                        answer(event.envelope(), c.caseId(), c.referralId(), ReferralStatus.COMPLETED, null, c.result()))
                .build();
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
