package de.kim.partners.query;

import de.kim.platform.readmodel.ReadModelIndexes;
import de.kim.contracts.cases.SharedClientData;
import de.kim.partners.api.SharedClient;
import de.kim.platform.privacy.PersonalDataVault;
import de.kim.platform.privacy.Sealed;
import de.kim.platform.privacy.SealedTexts;
import de.kim.partners.api.*;
import de.kim.partners.query.PartnerQueries.*;
import de.kim.platform.web.PageRequest;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.SourceId;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import de.kim.platform.readmodel.ReadModelDatabase;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Builds the partner list, the offer search and the referral inboxes from the partner events.
 * Every write sets values the event carries, so applying an event twice changes nothing.
 */
@Component
@ProcessingGroup("partner-views")
public class PartnerProjection {

    private final ReadModelDatabase database;
    private final PersonalDataVault vault;
    private final SealedTexts texts;

    public PartnerProjection(ReadModelDatabase database, PersonalDataVault vault) {
        this.database = database;
        this.vault = vault;
        this.texts = new SealedTexts(vault);
    }

    @EventHandler
    void on(PartnerRegisteredEvent e, @SourceId String partnerKey) {
        mongo().save(new PartnerView(partnerKey, e.partnerId().value(), e.tenant(), e.name(), e.kind(), e.legalDomains(),
                e.fieldsOfAction(), e.towns(), e.contact(), e.agreement(), true, null));
    }

    @EventHandler
    void on(PartnerUpdatedEvent e, @SourceId String partnerKey) {
        mongo().updateFirst(byId(partnerKey), new Update().set("name", e.name()).set("kind", e.kind())
                .set("legalDomains", e.legalDomains()).set("fieldsOfAction", e.fieldsOfAction()).set("towns", e.towns())
                .set("contact", e.contact()).set("agreement", e.agreement()), PartnerView.class);
        mongo().updateMulti(offersOf(partnerKey, e.partnerId()), new Update().set("partnerName", e.name()), OfferView.class);
    }

    @EventHandler
    void on(PartnerDeactivatedEvent e, @SourceId String partnerKey) {
        mongo().updateFirst(byId(partnerKey), new Update().set("active", false)
                .set("deactivationReason", e.reason()), PartnerView.class);
        mongo().updateMulti(offersOf(partnerKey, e.partnerId()), new Update().set("active", false), OfferView.class);
    }

    @EventHandler
    void on(OfferPublishedEvent e, @SourceId String partnerKey) {
        PartnerView partner = mongo().findById(partnerKey, PartnerView.class);
        mongo().save(new OfferView(e.offerId().value(), partner.tenant(), e.partnerId().value(), partner.name(), e.title(),
                e.fieldOfAction(), e.languages(), e.town(), e.online(), e.targetGroups(), e.capacity(), 0, e.capacity(),
                true));
    }

    @EventHandler
    void on(OfferCapacityChangedEvent e) {
        places(e.offerId(), e.capacity(), e.placesTaken());
    }

    @EventHandler
    void on(OfferWithdrawnEvent e) {
        mongo().updateFirst(byId(e.offerId().value()), new Update().set("active", false), OfferView.class);
    }

    @EventHandler
    void on(ReferralReceivedEvent e, @SequenceNumber long sequence, @SourceId String partnerKey) {
        PartnerView partner = mongo().findById(partnerKey, PartnerView.class);
        mongo().save(new InboxReferral(e.referralId().value(), partner.tenant(), e.partnerId().value(), e.caseId(),
                e.offerId().value(), e.fieldOfAction(), e.consentId(), e.sharedCategories(), opened(partner.tenant(), e.client()),
                texts.open(partner.tenant(), e.note()),
                e.madeOn(), "RECEIVED", null, null, null, null, false, false, sequence));
    }

    /** The client's data as released, while the client's key exists; null once erased. */
    private SharedClient opened(String tenant, Sealed client) {
        return vault.open(tenant, client, SharedClientData.class).map(c -> new SharedClient(c.givenName(), c.familyName(),
                c.dateOfBirth(), c.languages(), c.phone(), c.email(), c.address(), c.town(), c.needDescription()))
                .orElse(null);
    }

    /** Free text about the client (a comment, a reason), opened while the client's key exists; null once erased. */
    private String text(ReferralId referralId, Sealed text) {
        InboxReferral referral = text == null ? null : mongo().findById(referralId.value(), InboxReferral.class);
        return referral == null ? null : text(referral.tenant(), text);
    }

    private String text(String tenant, Sealed text) {
        return vault.open(tenant, text, String.class).orElse(null);
    }

    @EventHandler
    void on(ReferralAcceptedEvent e, @Timestamp Instant at) {
        answer(e.referralId(), new Update().set("status", "ACCEPTED").set("answeredAt", at)
                .set("overCapacity", e.overCapacity()));
        OfferView offer = mongo().findById(e.offerId().value(), OfferView.class);
        places(e.offerId(), offer.capacity(), e.placesTaken());
    }

    @EventHandler
    void on(ReferralDeclinedEvent e, @Timestamp Instant at) {
        answer(e.referralId(), new Update().set("status", "DECLINED").set("answeredAt", at)
                .set("declineReason", e.reason()).set("comment", text(e.referralId(), e.comment())));
    }

    @EventHandler
    void on(ReferralCompletedEvent e, @Timestamp Instant at) {
        answer(e.referralId(), new Update().set("status", "COMPLETED").set("answeredAt", at).set("result", e.result())
                .set("comment", text(e.referralId(), e.comment())));
        OfferView offer = mongo().findById(e.offerId().value(), OfferView.class);
        places(e.offerId(), offer.capacity(), e.placesTaken());
    }

    /** A withdrawn referral no longer needs the client's data (need-to-know): the inbox forgets it. */
    @EventHandler
    void on(ReferralWithdrawnEvent e) {
        InboxReferral referral = mongo().findById(e.referralId().value(), InboxReferral.class);
        answer(e.referralId(), new Update().set("status", "WITHDRAWN")
                .set("comment", referral == null ? null : text(referral.tenant(), e.reason())).set("client", null)
                .set("note", null).set("sharedCategories", List.of()));
        if (e.placeFreed() && referral != null) {
            OfferView offer = mongo().findById(referral.offerId(), OfferView.class);
            places(new OfferId(referral.offerId()), offer.capacity(), offer.placesTaken() - 1);
        }
    }

    @EventHandler
    void on(SharedClientDataErasedEvent e) {
        List<String> ids = e.referralIds().stream().map(ReferralId::value).toList();
        mongo().updateMulti(Query.query(Criteria.where("_id").in(ids)), new Update().set("client", null)
                .set("note", null).set("sharedCategories", List.of()), InboxReferral.class);
    }

    /** The corrected client data replaces the copy; each referral keeps its own need description. */
    @EventHandler
    void on(SharedClientDataRectifiedEvent e) {
        for (ReferralId referralId : e.referralIds()) {
            InboxReferral referral = mongo().findById(referralId.value(), InboxReferral.class);
            if (referral != null && referral.client() != null) {
                SharedClient corrected = opened(referral.tenant(), e.client());
                mongo().updateFirst(byId(referralId.value()), new Update().set("client", corrected == null ? null
                        : corrected.withNeedDescription(referral.client().needDescription())), InboxReferral.class);
            }
        }
    }

    @EventHandler
    void on(ReferralReminderRaisedEvent e) {
        answer(e.referralId(), new Update().set("reminderRaised", true));
    }

    /** The partner's offers: offers name the partner id, which is unique within its tenant only. */
    private Query offersOf(String partnerKey, PartnerId partnerId) {
        PartnerView partner = mongo().findById(partnerKey, PartnerView.class);
        String tenant = partner == null ? null : partner.tenant();
        return Query.query(Criteria.where("tenant").is(tenant).and("partnerId").is(partnerId.value()));
    }

    @QueryHandler
    PartnerPage handle(FindPartnersQuery q) {
        Criteria c = Criteria.where("tenant").is(q.tenant());
        if (q.fieldOfAction() != null) {
            c = c.and("fieldsOfAction").is(q.fieldOfAction());
        }
        if (q.town() != null) {
            c = c.and("towns").is(q.town());
        }
        return new PartnerPage(page(c, q.page(), Sort.unsorted(), PartnerView.class), mongo().count(Query.query(c), PartnerView.class));
    }

    @QueryHandler
    Optional<PartnerView> handle(FindPartnerQuery q) {
        return Optional.ofNullable(mongo().findOne(Query.query(Criteria.where("id").is(q.partnerId())
                .and("tenant").is(q.tenant())), PartnerView.class));
    }

    @QueryHandler
    OfferPage handle(FindOffersQuery q) {
        Criteria c = Criteria.where("tenant").is(q.tenant()).and("active").is(true);
        if (q.fieldOfAction() != null) {
            c = c.and("fieldOfAction").is(q.fieldOfAction());
        }
        if (q.town() != null) {
            c = c.orOperator(Criteria.where("town").is(q.town()), Criteria.where("online").is(true));
        }
        if (q.language() != null) {
            c = c.and("languages").is(q.language());
        }
        if (q.availableOnly()) {
            c = c.and("freePlaces").gt(0);
        }
        if (q.partnerId() != null) {
            c = c.and("partnerId").is(q.partnerId());
        }
        // Offers with as many free places, or of one partner or town, come by title.
        Sort ties = q.page().sort().equals("title") ? Sort.unsorted() : Sort.by("title");
        return new OfferPage(page(c, q.page(), ties, OfferView.class), mongo().count(Query.query(c), OfferView.class));
    }

    @QueryHandler
    Optional<OfferView> handle(FindOfferQuery q) {
        return Optional.ofNullable(mongo().findOne(Query.query(Criteria.where("_id").is(q.offerId())
                .and("tenant").is(q.tenant())), OfferView.class));
    }

    @QueryHandler
    InboxPage handle(FindInboxQuery q) {
        Criteria c = Criteria.where("tenant").is(q.tenant()).and("partnerId").is(q.partnerId());
        if (q.status() != null) {
            c = c.and("status").is(q.status());
        }
        return new InboxPage(page(c, q.page(), Sort.unsorted(), InboxReferral.class),
                mongo().count(Query.query(c), InboxReferral.class));
    }

    @QueryHandler
    Optional<InboxReferral> handle(FindReferralQuery q) {
        return Optional.ofNullable(mongo().findOne(Query.query(Criteria.where("_id").is(q.referralId())
                .and("tenant").is(q.tenant())), InboxReferral.class));
    }

    /**
     * One page of what matches, read and counted in the database: sorted as asked, ties broken by
     * {@code _id} in the same direction, so that pages neither repeat nor skip an item.
     */
    private <T> List<T> page(Criteria criteria, PageRequest page, Sort ties, Class<T> type) {
        Sort.Direction direction = page.descending() ? Sort.Direction.DESC : Sort.Direction.ASC;
        Query query = Query.query(criteria).with(Sort.by(direction, page.sort()).and(ties).and(Sort.by(direction, "_id")))
                .skip(page.offset()).limit(page.size());
        return mongo().find(query, type);
    }

    @ResetHandler
    void reset() {
        ReadModelIndexes.dropAndRecreate(mongo(), PartnerView.class);
        ReadModelIndexes.dropAndRecreate(mongo(), OfferView.class);
        ReadModelIndexes.dropAndRecreate(mongo(), InboxReferral.class);
    }

    private void places(OfferId offerId, int capacity, int placesTaken) {
        mongo().updateFirst(byId(offerId.value()), new Update().set("capacity", capacity).set("placesTaken", placesTaken)
                .set("freePlaces", Math.max(0, capacity - placesTaken)), OfferView.class);
    }

    private void answer(ReferralId referralId, Update update) {
        mongo().updateFirst(byId(referralId.value()), update, InboxReferral.class);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private MongoTemplate mongo() {
        return database.template();
    }
}
