package de.kim.steering.query;

import de.kim.contracts.cases.*;
import de.kim.contracts.immigration.ResidenceStatusProgressed;
import de.kim.contracts.partners.*;
import de.kim.platform.messaging.IntegrationEventHandlers;
import de.kim.platform.messaging.ReceivedEvent;
import de.kim.platform.messaging.UnprocessableRecordException;
import de.kim.steering.query.Facts.*;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Turns the events of all services into steering's facts. Idempotent throughout: a case fact
 * applies an event only if its sequence is newer; every other fact is keyed by the thing or
 * the event it stands for and written with the values the event carries, and a referral's
 * status only moves forward, so a redelivered or late event changes nothing. A change of a case
 * or a referral changes the counted figures by the difference of its counts before and after
 * ({@link FigureCounts}), applied at most once per change.
 */
@Component
public class SteeringProjection implements SmartInitializingSingleton {

    private static final ZoneId GERMANY = ZoneId.of("Europe/Berlin");
    private static final Map<String, Integer> REFERRAL_STAGE = Map.of(
            "MADE", 0, "ACCEPTED", 1, "DECLINED", 2, "WITHDRAWN", 2, "COMPLETED", 3);

    private static final Logger log = LoggerFactory.getLogger(SteeringProjection.class);

    private final FactsDatabase database;
    /** This process as the writer of batches, for the mark of a batch in progress. */
    private final String writer = UUID.randomUUID().toString();
    private final IntegrationEventHandlers<Update> handlers = IntegrationEventHandlers.<Update>builder("steering-facts")
            .on(CaseOpened.TYPE, CaseOpened.class, this::caseOpened)
            .on(CaseClosed.TYPE, CaseClosed.class, this::caseClosed)
            .on(CaseReopened.TYPE, CaseReopened.class, this::caseReopened)
            .on(CaseHandedOver.TYPE, CaseHandedOver.class, this::caseHandedOver)
            .on(LegalDomainsChanged.TYPE, LegalDomainsChanged.class, this::legalDomainsChanged)
            .on(NeedAssessed.TYPE, NeedAssessed.class, this::needAssessed)
            .on(NeedResolved.TYPE, NeedResolved.class, this::needResolved)
            .on(GoalAchieved.TYPE, GoalAchieved.class, this::goalAchieved)
            .on(DoubleFundingWarned.TYPE, DoubleFundingWarned.class, this::doubleFundingWarned)
            .on(ThemeTagged.TYPE, ThemeTagged.class, this::themeTagged)
            .on(ContactRecorded.TYPE, ContactRecorded.class, this::contactRecorded)
            .on(ClientDataRectified.TYPE, ClientDataRectified.class, this::clientDataRectified)
            .on(ReferralMade.TYPE, ReferralMade.class, this::referralMade)
                // Steering never reads the note: the older version's plain note is left behind.
                .upgrading(ReferralMade.VERSION_2, ReferralMade.Version2.class, (event, v2) -> v2.upgraded(null))
            .on(ReferralWithdrawn.TYPE, ReferralWithdrawn.class, (u, e) ->
                    referralAnswered(u, e.referralId(), e.caseId(), e.partnerId(), "WITHDRAWN", null))
                .upgrading(ReferralWithdrawn.VERSION_1, ReferralWithdrawn.Version1.class, (event, v1) -> v1.upgraded(null))
            .on(ReferralAccepted.TYPE, ReferralAccepted.class, (u, e) ->
                    referralAnswered(u, e.referralId(), e.caseId(), e.partnerId(), "ACCEPTED", null))
            .on(ReferralDeclined.TYPE, ReferralDeclined.class, (u, e) ->
                    referralAnswered(u, e.referralId(), e.caseId(), e.partnerId(), "DECLINED", e.reason()))
            .on(ReferralCompleted.TYPE, ReferralCompleted.class, (u, e) ->
                    referralAnswered(u, e.referralId(), e.caseId(), e.partnerId(), "COMPLETED", null))
            .on(PartnerRegistered.TYPE, PartnerRegistered.class, this::partnerRegistered)
                .upgrading(PartnerRegistered.VERSION_1, PartnerRegistered.Version1.class, (event, v1) -> v1.upgraded())
            .on(PartnerDeactivated.TYPE, PartnerDeactivated.class, this::partnerDeactivated)
            .on(OfferPublished.TYPE, OfferPublished.class, this::offerPublished)
            .on(OfferWithdrawn.TYPE, OfferWithdrawn.class, this::offerWithdrawn)
            .on(ResidenceStatusProgressed.TYPE, ResidenceStatusProgressed.class, this::residenceStatusProgressed)
            .build();

    public SteeringProjection(FactsDatabase database) {
        this.database = database;
    }

    /**
     * Counts the figures of the live facts from scratch where they were never counted (a database
     * from before the counts), before the listener starts.
     */
    @Override
    public void afterSingletonsInstantiated() {
        FigureCountStore counts = new FigureCountStore(database.template());
        if (!counts.counted()) {
            counts.recount();
        } else if (counts.interrupted()) {
            // A batch's counts written without its facts: applied again in another order, its
            // changes could have other ids. Counted afresh from the facts, the batch then adds its changes.
            log.info("a batch of facts was interrupted after its counts: counting the figures afresh");
            counts.recount();
        }
    }

    /** Counts the figures of the live facts from scratch, e.g. after the store lost facts that the counts had. */
    public void recount() {
        new FigureCountStore(database.template()).recount();
    }

    /** Applies the event to the live facts; answers the day whose figures it changes. */
    public LocalDate apply(ReceivedEvent event) {
        return apply(event, database.store());
    }

    /** The live facts for the records of one poll, held in memory and written at the end ({@link BatchFactStore}). */
    public BatchFactStore batch() {
        return new BatchFactStore(database.template(), writer);
    }

    /**
     * Applies the event to the given facts, e.g. those of a rebuild or a batch; answers the day whose figures it
     * changes. A type steering does not read changes nothing; a version of a type it reads that it
     * does not know is refused ({@link de.kim.platform.messaging.UnprocessableRecordException}).
     */
    public LocalDate apply(ReceivedEvent event, FactStore store) {
        Update update = new Update(store, event);
        handlers.dispatch(event, update);
        return update.day;
    }

    /** One event being applied: where it is written, what the envelope says, and the day whose figures it changes. */
    private static final class Update {
        final FactStore store;
        final String tenant;
        final long sequence;
        final String eventId;
        /** The day the event happened in Germany, unless its payload names the day it counts for. */
        LocalDate day;

        Update(FactStore store, ReceivedEvent event) {
            this.store = store;
            this.tenant = event.envelope().tenant();
            this.sequence = event.envelope().sequence();
            this.eventId = event.envelope().id();
            this.day = LocalDate.ofInstant(event.envelope().time(), GERMANY);
        }
    }

    private void caseOpened(Update u, CaseOpened e) {
        CaseFact fact = new CaseFact();
        fact.id = key(u.tenant, e.caseId());
        fact.tenant = u.tenant;
        fact.caseId = e.caseId();
        fact.town = e.town();
        fact.targetGroup = e.targetGroup();
        fact.accessRoute = e.accessRoute();
        fact.assignee = e.assignee();
        fact.openedOn = e.openedOn();
        fact.status = "OPEN";
        fact.lastSequence = u.sequence;
        u.store.insertIfAbsent(fact);
        u.day = e.openedOn();
    }

    private void caseClosed(Update u, CaseClosed e) {
        onCase(u, e.caseId(), f -> {
            f.status = "CLOSED";
            f.closedOn = e.closedOn();
            f.outcome = e.outcome();
        });
        u.day = e.closedOn();
    }

    private void caseReopened(Update u, CaseReopened e) {
        onCase(u, e.caseId(), f -> {
            f.status = "OPEN";
            f.closedOn = null;
            f.outcome = null;
        });
    }

    private void caseHandedOver(Update u, CaseHandedOver e) {
        onCase(u, e.caseId(), f -> f.assignee = e.toCaseManager());
    }

    private void legalDomainsChanged(Update u, LegalDomainsChanged e) {
        onCase(u, e.caseId(), f -> {
            f.legalDomains = e.current();
            f.events.add(new EventFact(u.eventId, u.tenant, "LegalDomainsChanged", e.since(), f.town,
                    String.join("+", e.previous()) + ">" + String.join("+", e.current()), null));
        });
        u.day = e.since();
    }

    private void needAssessed(Update u, NeedAssessed e) {
        onCase(u, e.caseId(), f -> {
            NeedFact need = new NeedFact();
            need.id = key(u.tenant, e.needId());
            need.tenant = u.tenant;
            need.caseId = e.caseId();
            need.town = f.town;
            need.fieldOfAction = e.fieldOfAction();
            need.assessedOn = u.day;
            f.needs.add(need);
        });
    }

    private void needResolved(Update u, NeedResolved e) {
        onCase(u, e.caseId(), f -> f.needs.stream()
                .filter(n -> n.id.equals(key(u.tenant, e.needId()))).forEach(n -> n.resolved = true));
    }

    private void goalAchieved(Update u, GoalAchieved e) {
        onCase(u, e.caseId(), f -> f.events.add(new EventFact(u.eventId, u.tenant, "GoalAchieved", e.achievedOn(),
                f.town, e.fieldOfAction(), null)));
        u.day = e.achievedOn();
    }

    private void doubleFundingWarned(Update u, DoubleFundingWarned e) {
        onCase(u, e.caseId(), f -> f.events.add(new EventFact(u.eventId, u.tenant, "DoubleFundingWarned", u.day,
                f.town, e.kind(), e.alreadyFundedBy() + ">" + e.fundedBy())));
    }

    private void themeTagged(Update u, ThemeTagged e) {
        onCase(u, e.caseId(), f -> f.events.add(new EventFact(u.eventId, u.tenant, "ThemeTagged", u.day, f.town,
                e.themeCode(), null)));
    }

    /** A counselling contact counts in the case's town by kind, with its minutes; never a word of its content. */
    private void contactRecorded(Update u, ContactRecorded e) {
        if (!CounsellingFigures.KINDS.contains(e.kind())) {
            throw new UnprocessableRecordException("ContactRecorded " + u.eventId + ": unknown kind " + e.kind());
        }
        onCase(u, e.caseId(), f -> f.events.add(new EventFact(u.eventId, u.tenant, CounsellingFigures.CONTACT,
                e.contactOn(), f.town, e.kind(), String.valueOf(e.durationMinutes()))));
        u.day = e.contactOn();
    }

    /**
     * A corrected town corrects where the case counts (opened, closed, open cases): the case was
     * counted in a wrong town. Needs, referrals and contacts keep the town they were counted in.
     */
    private void clientDataRectified(Update u, ClientDataRectified e) {
        if (e.town() != null) {
            onCase(u, e.caseId(), f -> f.town = e.town());
        }
    }

    private void partnerRegistered(Update u, PartnerRegistered e) {
        PartnerFact partner = new PartnerFact();
        partner.id = key(u.tenant, e.partnerId());
        partner.tenant = u.tenant;
        partner.partnerId = e.partnerId();
        partner.name = e.name();
        partner.kind = e.kind();
        partner.active = true;
        u.store.save(partner);
    }

    private void partnerDeactivated(Update u, PartnerDeactivated e) {
        PartnerFact partner = u.store.find(PartnerFact.class, key(u.tenant, e.partnerId()));
        if (partner != null) {
            partner.active = false;
            u.store.save(partner);
        }
    }

    private void offerPublished(Update u, OfferPublished e) {
        OfferFact offer = new OfferFact();
        offer.id = key(u.tenant, e.offerId());
        offer.tenant = u.tenant;
        offer.partnerId = e.partnerId();
        offer.offerId = e.offerId();
        offer.fieldOfAction = e.fieldOfAction();
        offer.town = e.town();
        offer.online = e.online();
        offer.capacity = e.capacity();
        offer.active = true;
        u.store.save(offer);
    }

    private void offerWithdrawn(Update u, OfferWithdrawn e) {
        OfferFact offer = u.store.find(OfferFact.class, key(u.tenant, e.offerId()));
        if (offer != null) {
            offer.active = false;
            u.store.save(offer);
        }
    }

    private void residenceStatusProgressed(Update u, ResidenceStatusProgressed e) {
        count(u.store, u.eventId, u.tenant, "ResidenceStatusProgressed", e.validFrom(), null,
                e.pathway() == null ? "NONE" : e.pathway(), e.fromStatus() + ">" + e.toStatus());
        RecordFact record = u.store.find(RecordFact.class, key(u.tenant, e.recordId()));
        if (record == null) {
            record = new RecordFact();
            record.id = key(u.tenant, e.recordId());
            record.tenant = u.tenant;
        }
        // A § 104c permit followed by another status: the Chancen-Aufenthaltsrecht's transition.
        if (record.legalBasis != null && record.legalBasis.contains("104c") && record.lastSequence < u.sequence) {
            count(u.store, u.eventId + ":chancen", u.tenant, "ChancenTransition", e.validFrom(), null,
                    e.pathway() == null ? "NONE" : e.pathway(), e.legalBasis());
        }
        if (record.lastSequence < u.sequence || record.legalBasis == null) {
            record.legalBasis = e.legalBasis();
            record.lastSequence = u.sequence;
            u.store.save(record);
        }
        u.day = e.validFrom();
    }

    /** Changes the case's fact, unless it has seen this event or a later one of the case. */
    private void onCase(Update u, String caseId, Consumer<CaseFact> change) {
        CaseFact fact = u.store.find(CaseFact.class, key(u.tenant, caseId));
        if (fact == null || fact.lastSequence >= u.sequence) {
            return;
        }
        FigureCounts before = u.store.counts() ? FigureCounts.of(fact) : null;
        change.accept(fact);
        fact.lastSequence = u.sequence;
        u.store.saveCounted(fact, before, fact.id + "@" + u.sequence);
    }

    private void referralMade(Update u, ReferralMade e) {
        ReferralFact referral = referral(u.store, u.tenant, e.referralId(), e.caseId(), e.partnerId());
        FigureCounts before = u.store.counts() ? FigureCounts.of(referral) : null;
        referral.offerId = e.offerId();
        referral.fieldOfAction = e.fieldOfAction();
        referral.town = town(u.store, u.tenant, e.caseId());
        referral.madeOn = e.madeOn();
        if (referral.status == null) {
            referral.status = "MADE";
        }
        u.store.saveCounted(referral, before, referral.id + "@" + u.eventId);
        onCase(u, e.caseId(), f -> f.firstReferralOn = f.firstReferralOn == null
                || e.madeOn().isBefore(f.firstReferralOn) ? e.madeOn() : f.firstReferralOn);
        u.day = e.madeOn();
    }

    /** A later stage never falls back to an earlier one, whatever order the topics deliver in. */
    private void referralAnswered(Update u, String referralId, String caseId, String partnerId, String status,
                                  String reason) {
        ReferralFact referral = referral(u.store, u.tenant, referralId, caseId, partnerId);
        if (referral.status != null && REFERRAL_STAGE.get(referral.status) >= REFERRAL_STAGE.get(status)) {
            return;
        }
        FigureCounts before = u.store.counts() ? FigureCounts.of(referral) : null;
        referral.status = status;
        if (reason != null) {
            referral.declineReason = reason;
        }
        if (!"COMPLETED".equals(status)) {
            referral.answeredOn = u.day;
        }
        u.store.saveCounted(referral, before, referral.id + "@" + u.eventId);
    }

    private ReferralFact referral(FactStore store, String tenant, String referralId, String caseId, String partnerId) {
        ReferralFact referral = store.find(ReferralFact.class, key(tenant, referralId));
        if (referral == null) {
            referral = new ReferralFact();
            referral.id = key(tenant, referralId);
            referral.tenant = tenant;
            referral.caseId = caseId;
            referral.partnerId = partnerId;
        }
        return referral;
    }

    private void count(FactStore store, String eventId, String tenant, String type, LocalDate day, String town, String code,
                       String detail) {
        store.save(new EventFact(eventId, tenant, type, day, town, code, detail));
    }

    private String town(FactStore store, String tenant, String caseId) {
        CaseFact fact = store.find(CaseFact.class, key(tenant, caseId));
        return fact == null ? null : fact.town;
    }

    static String key(String tenant, String id) {
        return tenant + ":" + id;
    }
}
