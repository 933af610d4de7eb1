package de.kim.cases.query;

import de.kim.cases.command.PartnerDirectory;
import de.kim.contracts.partners.OfferPublished;
import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.platform.messaging.Codes;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Case management's copy of the partners' offers, from {@code kim.partner.v1}: which offers of
 * which active partner a client can be referred to. Writes are upserts by id, so a repeated
 * event changes nothing.
 */
@Component
public class PartnerDirectoryProjection implements PartnerDirectory {

    private final MongoTemplate mongo;

    public PartnerDirectoryProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A partner as case management knows it. */
    @Document("partners")
    public record KnownPartner(@Id String id, String tenant, String partnerId, boolean active) {
    }

    /** An offer as case management knows it. */
    @Document("partner_offers")
    public record KnownOffer(@Id String id, String tenant, String partnerId, String offerId, String fieldOfAction,
                             boolean active) {
    }

    public void partnerRegistered(String tenant, String partnerId) {
        mongo.upsert(byId(tenant + ":" + partnerId), new Update().set("tenant", tenant).set("partnerId", partnerId)
                .set("active", true), KnownPartner.class);
    }

    public void partnerDeactivated(String tenant, String partnerId) {
        mongo.upsert(byId(tenant + ":" + partnerId), new Update().set("tenant", tenant).set("partnerId", partnerId)
                .set("active", false), KnownPartner.class);
    }

    public void offerPublished(String tenant, OfferPublished offer) {
        mongo.upsert(byId(offerKey(tenant, offer.partnerId(), offer.offerId())), new Update().set("tenant", tenant)
                .set("partnerId", offer.partnerId()).set("offerId", offer.offerId())
                .set("fieldOfAction", offer.fieldOfAction()).set("active", true), KnownOffer.class);
    }

    public void offerWithdrawn(String tenant, String partnerId, String offerId) {
        mongo.updateFirst(byId(offerKey(tenant, partnerId, offerId)), new Update().set("active", false), KnownOffer.class);
    }

    @Override
    public Optional<Offer> activeOffer(String tenant, String partnerId, String offerId) {
        KnownPartner partner = mongo.findById(tenant + ":" + partnerId, KnownPartner.class);
        KnownOffer offer = mongo.findById(offerKey(tenant, partnerId, offerId), KnownOffer.class);
        if (partner == null || !partner.active() || offer == null || !offer.active()) {
            return Optional.empty();
        }
        // Checked when the offer came in; an offer kept under a code this service no longer knows cannot be referred to.
        return Codes.of(FieldOfAction.class, offer.fieldOfAction()).map(field -> new Offer(partnerId, offerId, field));
    }

    private static String offerKey(String tenant, String partnerId, String offerId) {
        return tenant + ":" + partnerId + ":" + offerId;
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
