package de.kim.partners.messaging;

import de.kim.contracts.Topics;
import de.kim.contracts.cases.ClientDataRectified;
import de.kim.contracts.cases.ClientErased;
import de.kim.contracts.cases.ConsentRevoked;
import de.kim.partners.query.ClientErasures;
import de.kim.platform.privacy.PersonalDataVault;
import de.kim.platform.privacy.Sealed;
import de.kim.platform.privacy.SealedTexts;
import de.kim.contracts.cases.ReferralMade;
import de.kim.contracts.cases.ReferralWithdrawn;
import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.partners.api.EraseSharedClientDataCommand;
import de.kim.partners.api.OfferId;
import de.kim.partners.api.PartnerId;
import de.kim.partners.api.ReceiveReferralCommand;
import de.kim.partners.api.RectifySharedClientDataCommand;
import de.kim.partners.api.ReferralId;
import de.kim.partners.api.SharedClient;
import de.kim.partners.api.WithdrawReferralCommand;
import de.kim.platform.messaging.EnvelopeCodec;
import de.kim.platform.messaging.IntegrationEventHandlers;
import de.kim.platform.messaging.ReceivedEvent;
import de.kim.platform.messaging.UnprocessableRecordException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import de.kim.platform.messaging.EventCommandRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import static de.kim.platform.messaging.RecordFields.code;
import static de.kim.platform.messaging.RecordFields.required;

import java.util.HashSet;

/**
 * Reads {@code kim.case.v1}: a referral lands in the partner's inbox (its note stays sealed with
 * the client's key in the partner's events; older records, whose note came in plain text, are
 * sealed here), a withdrawal follows it (versions 1 and 2 of it; its plain reason is sealed here too),
 * a revoked consent empties what the partner holds of that client, and so does the client's
 * erasure; a correction of the client's data (Art. 16 GDPR) replaces the partner's copy. Each command is
 * idempotent in the partner's aggregate, so a redelivered event changes nothing.
 */
@Component
public class CaseEventsListener {

    private static final Logger log = LoggerFactory.getLogger(CaseEventsListener.class);

    /** The principal this listener relays as: it may receive, withdraw and erase shared data of referrals. */
    public static final String PRINCIPAL = "partner-service.case-events";

    private final EnvelopeCodec codec;
    private final EventCommandRelay relay;
    private final ClientErasures erasures;
    private final PersonalDataVault vault;
    private final SealedTexts texts;
    private final IntegrationEventHandlers<ReceivedEvent> handlers;

    public CaseEventsListener(EnvelopeCodec codec, EventCommandRelay relay, ClientErasures erasures,
                              PersonalDataVault vault) {
        this.codec = codec;
        this.relay = relay;
        this.erasures = erasures;
        this.vault = vault;
        this.texts = new SealedTexts(vault);
        this.handlers = handlers();
    }

    @KafkaListener(id = "partner-case-events", groupId = "${spring.kafka.consumer.group-id}-case-events",
            topics = Topics.CASE)
    public void on(ConsumerRecord<String, String> record) {
        IntegrationEventHandlers.read(record, codec, handlers);
    }

    private IntegrationEventHandlers<ReceivedEvent> handlers() {
        return IntegrationEventHandlers.<ReceivedEvent>builder("partner-case-events")
                .on(ReferralMade.TYPE, ReferralMade.class, this::referralMade)
                    .upgrading(ReferralMade.VERSION_2, ReferralMade.Version2.class, (event, v2) ->
                            v2.upgraded(ciphertext(sealedNow(event, v2.caseId(), v2.note()))))
                .on(ReferralWithdrawn.TYPE, ReferralWithdrawn.class, this::referralWithdrawn)
                    .upgrading(ReferralWithdrawn.VERSION_1, ReferralWithdrawn.Version1.class, (event, v1) ->
                            v1.upgraded(ciphertext(sealedNow(event, v1.caseId(), v1.reason()))))
                .on(ClientErased.TYPE, ClientErased.class, (event, erased) ->
                        erasures.forget(event.envelope().tenant(), required(erased.caseId(), "caseId")))
                .on(ConsentRevoked.TYPE, ConsentRevoked.class, this::consentRevoked)
                .on(ClientDataRectified.TYPE, ClientDataRectified.class, this::clientDataRectified)
                .build();
    }

    private void referralMade(ReceivedEvent event, ReferralMade r) {
        requireClientOfTheTenant(event, required(r.caseId(), "caseId"), required(r.referralId(), "referralId"));
        send(event, new ReceiveReferralCommand(new PartnerId(required(r.partnerId(), "partnerId")),
                new ReferralId(r.referralId()), r.caseId(), new OfferId(required(r.offerId(), "offerId")),
                code(FieldOfAction.class, r.fieldOfAction(), "fieldOfAction"), r.consentId(),
                new HashSet<>(required(r.sharedCategories(), "sharedCategories")),
                sealed(r.caseId(), r.sealedClient()), sealed(r.caseId(), r.sealedNote()), r.madeOn()), r.referralId());
    }

    private void referralWithdrawn(ReceivedEvent event, ReferralWithdrawn w) {
        String reason = texts.open(event.envelope().tenant(), sealed(required(w.caseId(), "caseId"), w.sealedReason()));
        send(event, new WithdrawReferralCommand(new PartnerId(required(w.partnerId(), "partnerId")),
                new ReferralId(required(w.referralId(), "referralId")), reason), w.referralId());
    }

    private void consentRevoked(ReceivedEvent event, ConsentRevoked c) {
        if (ConsentRevoked.IMMIGRATION_OFFICE.equals(c.recipient())) {
            // A consent towards the immigration office is the office's to act on, not a partner's.
            return;
        }
        send(event, new EraseSharedClientDataCommand(new PartnerId(required(c.recipient(), "recipient")),
                required(c.caseId(), "caseId"), required(c.consentId(), "consentId")), c.consentId());
    }

    /**
     * Each partner that holds a copy of the client under a consent gets the corrected copy. A copy
     * for a partner this service does not know changes nothing; a record naming a client of another
     * tenant is refused as a referral would be.
     */
    private void clientDataRectified(ReceivedEvent event, ClientDataRectified r) {
        String caseId = required(r.caseId(), "caseId");
        requireClientOfTheTenant(event, caseId, caseId);
        for (ClientDataRectified.Copy copy : required(r.copies(), "copies")) {
            send(event, new RectifySharedClientDataCommand(new PartnerId(required(copy.partnerId(), "partnerId")),
                    caseId, required(copy.consentId(), "consentId"),
                    sealed(caseId, required(copy.sealedClient(), "sealedClient"))), caseId);
        }
    }

    /**
     * A referral carries a client's data, sealed with the client's key, and that key is bound to
     * the tenant its case was opened in. A referral whose envelope names another tenant than
     * the client's (a forged or misrouted record, whoever could write the topic) is never
     * received: it goes to the dead-letter topic, and the next record is read.
     */
    private void requireClientOfTheTenant(ReceivedEvent event, String caseId, String referralId) {
        if (!vault.isOf(event.envelope().tenant(), caseId)) {
            throw new UnprocessableRecordException(event.envelope().type() + " " + referralId
                    + ": the case is not a client of tenant " + event.envelope().tenant());
        }
    }

    /** A value sealed by case-service with the client's key (subject: the case id), as it came on the wire. */
    private static Sealed sealed(String caseId, String ciphertext) {
        return ciphertext == null ? null : new Sealed(caseId, ciphertext);
    }

    /**
     * A plain text of an older record (the note of {@code ReferralMade} version 2, the reason of
     * {@code ReferralWithdrawn} version 1), sealed here with the client's key before it reaches the
     * partner's events; nothing once the client is erased. It runs before the handler's checks, so
     * it seals only with a key of the envelope's tenant: a record naming a client of another tenant
     * seals nothing here and is refused by the handler.
     */
    private Sealed sealedNow(ReceivedEvent event, String caseId, String text) {
        String tenant = event.envelope().tenant();
        return text == null || caseId == null || !vault.isOf(tenant, caseId) || texts.erased(caseId) ? null
                : texts.seal(tenant, caseId, text);
    }

    private static String ciphertext(Sealed sealed) {
        return sealed == null ? null : sealed.data();
    }

    private void send(ReceivedEvent event, Object command, String subject) {
        // Not a partner of this service (e.g. the immigration office as a consent's recipient), or a
        // command the partner refuses for good: nothing to retry.
        relay.send(PRINCIPAL, command, event).ifPresent(refusal ->
                log.info("{} {} not applied: {}", event.envelope().type(), subject, refusal.getMessage()));
    }
}
