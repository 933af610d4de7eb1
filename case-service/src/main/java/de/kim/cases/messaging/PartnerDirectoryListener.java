package de.kim.cases.messaging;

import de.kim.cases.query.PartnerDirectoryProjection;
import de.kim.contracts.Topics;
import de.kim.contracts.partners.OfferPublished;
import de.kim.contracts.partners.OfferWithdrawn;
import de.kim.contracts.partners.PartnerDeactivated;
import de.kim.contracts.partners.PartnerRegistered;
import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.platform.messaging.EnvelopeCodec;
import de.kim.platform.messaging.IntegrationEventHandlers;
import de.kim.platform.messaging.MalformedEnvelopeException;
import de.kim.platform.messaging.ReceivedEvent;
import de.kim.platform.messaging.UnprocessableRecordException;
import de.kim.platform.readmodel.KafkaPositions;
import de.kim.platform.readmodel.KafkaReadModelListener;
import de.kim.platform.readmodel.KafkaReadModel;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;


import static de.kim.platform.messaging.RecordFields.code;
import static de.kim.platform.messaging.RecordFields.required;

/**
 * Reads {@code kim.partner.v1} into the partner directory ({@link PartnerDirectoryProjection}), in
 * a consumer group of its own: the partners' answers to referrals are read apart
 * ({@link PartnerEventsListener}), so a rebuild of the directory never skips an answer. The offset
 * of each record is stored with the directory after it ({@link KafkaPositions}): the listener goes
 * on from there after a restart, and seeks back if the store lost what it had acknowledged.
 * Idempotent (upserts by id); a record with an unknown code or without an id it needs goes to the
 * dead-letter topic before anything is written.
 */
@Component
public class PartnerDirectoryListener extends KafkaReadModelListener {

    public static final String ID = "case-partner-directory";

    private final EnvelopeCodec codec;
    private final IntegrationEventHandlers<ReceivedEvent> handlers;
    private final ObjectProvider<KafkaReadModel> readModel;

    public PartnerDirectoryListener(EnvelopeCodec codec, PartnerDirectoryProjection directory,
                                    ObjectProvider<KafkaReadModel> partnerDirectoryReadModel) {
        this.codec = codec;
        this.handlers = handlers(directory);
        this.readModel = partnerDirectoryReadModel;
    }

    @KafkaListener(id = ID, groupId = "${spring.kafka.consumer.group-id}-partner-directory", topics = Topics.PARTNER)
    public void on(ConsumerRecord<String, String> record) {
        KafkaPositions positions = positions();
        positions.check(getTopicsAndCallbacks().keySet(), this::getSeekCallbackFor, false);
        if (!positions.toApply(record)) {
            return;
        }
        try {
            ReceivedEvent event = codec.decode(record.value());
            handlers.dispatch(event, event);
        } catch (MalformedEnvelopeException | UnprocessableRecordException refused) {
            // Refused for good (to the dead-letter topic): passed, so the position moves past it.
            positions.applied(record);
            throw refused;
        }
        positions.applied(record);
    }


    @Override
    protected KafkaPositions positions() {
        return readModel.getObject().positions();
    }

    /** A rebuild's replay: the records into a directory on the fresh database. */
    public static KafkaReadModel.Replay replayInto(MongoTemplate target, EnvelopeCodec codec) {
        IntegrationEventHandlers<ReceivedEvent> handlers = handlers(PartnerDirectoryProjection.pinnedTo(target));
        return new KafkaReadModel.Replay() {
            @Override
            public boolean apply(ConsumerRecord<String, String> record) {
                try {
                    ReceivedEvent event = codec.decode(record.value());
                    handlers.dispatch(event, event);
                    return true;
                } catch (MalformedEnvelopeException | UnprocessableRecordException unreadable) {
                    return false;
                }
            }

            @Override
            public long writeTo(MongoTemplate written) {
                return PartnerDirectoryProjection.documents(written);
            }
        };
    }

    private static IntegrationEventHandlers<ReceivedEvent> handlers(PartnerDirectoryProjection directory) {
        return IntegrationEventHandlers.<ReceivedEvent>builder(ID)
                .on(PartnerRegistered.TYPE, PartnerRegistered.class, (event, registered) -> directory.partnerRegistered(
                        event.envelope().tenant(), required(registered.partnerId(), "partnerId"), registered.name()))
                    .upgrading(PartnerRegistered.VERSION_1, PartnerRegistered.Version1.class, (event, v1) -> v1.upgraded())
                .on(PartnerDeactivated.TYPE, PartnerDeactivated.class, (event, deactivated) ->
                        directory.partnerDeactivated(event.envelope().tenant(),
                                required(deactivated.partnerId(), "partnerId")))
                .on(OfferPublished.TYPE, OfferPublished.class, (event, offer) -> {
                    required(offer.partnerId(), "partnerId");
                    required(offer.offerId(), "offerId");
                    code(FieldOfAction.class, offer.fieldOfAction(), "fieldOfAction");
                    directory.offerPublished(event.envelope().tenant(), offer);
                })
                .on(OfferWithdrawn.TYPE, OfferWithdrawn.class, (event, withdrawn) -> directory.offerWithdrawn(
                        event.envelope().tenant(), required(withdrawn.partnerId(), "partnerId"),
                        required(withdrawn.offerId(), "offerId")))
                .build();
    }
}
