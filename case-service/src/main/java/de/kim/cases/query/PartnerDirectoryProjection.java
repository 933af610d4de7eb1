package de.kim.cases.query;

import de.kim.cases.command.PartnerDirectory;
import de.kim.contracts.partners.OfferPublished;
import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.platform.messaging.Codes;
import de.kim.platform.readmodel.ReadModelDatabase;
import org.springframework.beans.factory.annotation.Autowired;
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
 * event changes nothing. Kept in the database of {@link PartnerDirectoryDatabase}, which a
 * rebuild switches.
 */
@Component
public class PartnerDirectoryProjection implements PartnerDirectory {

    private final ReadModelDatabase database;

    @Autowired
    public PartnerDirectoryProjection(PartnerDirectoryDatabase database) {
        this((ReadModelDatabase) database);
    }

    private PartnerDirectoryProjection(ReadModelDatabase database) {
        this.database = database;
    }

    /** A directory that writes into the given database only: a rebuild's. */
    public static PartnerDirectoryProjection pinnedTo(MongoTemplate target) {
        return new PartnerDirectoryProjection(ReadModelDatabase.pinnedTo(target));
    }

    /** The documents of a directory: partners and offers. */
    public static long documents(MongoTemplate mongo) {
        return mongo.count(new Query(), KnownPartner.class) + mongo.count(new Query(), KnownOffer.class);
    }

    /** A partner as case management knows it. */
    @Document("partners")
    public record KnownPartner(@Id String id, String tenant, String partnerId, String name, boolean active) {
    }

    /** An offer as case management knows it. */
    @Document("partner_offers")
    public record KnownOffer(@Id String id, String tenant, String partnerId, String offerId, String title,
                             String fieldOfAction, boolean active) {
    }

    /** A partner registered or changed; its name is what the case history calls it. */
    public void partnerRegistered(String tenant, String partnerId, String name) {
        Update update = new Update().set("tenant", tenant).set("partnerId", partnerId).set("active", true);
        if (name != null && !name.isBlank()) {
            update.set("name", name);
        }
        database.template().upsert(byId(tenant + ":" + partnerId), update, KnownPartner.class);
    }

    public void partnerDeactivated(String tenant, String partnerId) {
        database.template().upsert(byId(tenant + ":" + partnerId), new Update().set("tenant", tenant).set("partnerId", partnerId)
                .set("active", false), KnownPartner.class);
    }

    public void offerPublished(String tenant, OfferPublished offer) {
        database.template().upsert(byId(offerKey(tenant, offer.partnerId(), offer.offerId())), new Update().set("tenant", tenant)
                .set("partnerId", offer.partnerId()).set("offerId", offer.offerId()).set("title", offer.title())
                .set("fieldOfAction", offer.fieldOfAction()).set("active", true), KnownOffer.class);
    }

    public void offerWithdrawn(String tenant, String partnerId, String offerId) {
        database.template().updateFirst(byId(offerKey(tenant, partnerId, offerId)), new Update().set("active", false), KnownOffer.class);
    }

    @Override
    public Optional<Offer> activeOffer(String tenant, String partnerId, String offerId) {
        MongoTemplate mongo = database.template();
        KnownPartner partner = mongo.findById(tenant + ":" + partnerId, KnownPartner.class);
        KnownOffer offer = mongo.findById(offerKey(tenant, partnerId, offerId), KnownOffer.class);
        if (partner == null || !partner.active() || offer == null || !offer.active()) {
            return Optional.empty();
        }
        // Checked when the offer came in; an offer kept under a code this service no longer knows cannot be referred to.
        return Codes.of(FieldOfAction.class, offer.fieldOfAction()).map(field -> new Offer(partnerId, offerId, field));
    }

    /** The partner's name as the directory knows it (any partner, active or not): what the case history shows. */
    public Optional<String> partnerName(String tenant, String partnerId) {
        KnownPartner partner = partnerId == null ? null : database.template().findById(tenant + ":" + partnerId, KnownPartner.class);
        return Optional.ofNullable(partner).map(KnownPartner::name).filter(name -> !name.isBlank());
    }

    /** The offer's title as the directory knows it, withdrawn or not. */
    public Optional<String> offerTitle(String tenant, String partnerId, String offerId) {
        KnownOffer offer = offerId == null ? null
                : database.template().findById(offerKey(tenant, partnerId, offerId), KnownOffer.class);
        return Optional.ofNullable(offer).map(KnownOffer::title).filter(title -> !title.isBlank());
    }

    private static String offerKey(String tenant, String partnerId, String offerId) {
        return tenant + ":" + partnerId + ":" + offerId;
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
