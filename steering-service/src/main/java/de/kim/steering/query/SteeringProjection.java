package de.kim.steering.query;

import de.kim.contracts.cases.*;
import de.kim.contracts.immigration.ResidenceStatusProgressed;
import de.kim.contracts.partners.*;
import de.kim.platform.messaging.ReceivedEvent;
import de.kim.steering.query.Facts.*;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Turns the events of all services into steering's facts. Idempotent throughout: a case fact
 * applies an event only if its sequence is newer; every other fact is keyed by the thing or
 * the event it stands for and written with the values the event carries, and a referral's
 * status only moves forward, so a redelivered or late event changes nothing.
 */
@Component
public class SteeringProjection {

    private static final ZoneId GERMANY = ZoneId.of("Europe/Berlin");
    private static final Map<String, Integer> REFERRAL_STAGE = Map.of(
            "MADE", 0, "ACCEPTED", 1, "DECLINED", 2, "WITHDRAWN", 2, "COMPLETED", 3);

    private final MongoTemplate mongo;

    public SteeringProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void apply(ReceivedEvent event) {
        String tenant = event.envelope().tenant();
        long sequence = event.envelope().sequence();
        LocalDate day = LocalDate.ofInstant(event.envelope().time(), GERMANY);
        String eventId = event.envelope().id();
        if (event.is(CaseOpened.TYPE)) {
            caseOpened(tenant, sequence, event.data(CaseOpened.class));
        } else if (event.is(CaseClosed.TYPE)) {
            CaseClosed e = event.data(CaseClosed.class);
            onCase(tenant, e.caseId(), sequence, f -> {
                f.status = "CLOSED";
                f.closedOn = e.closedOn();
                f.outcome = e.outcome();
            });
        } else if (event.is(CaseReopened.TYPE)) {
            onCase(tenant, event.data(CaseReopened.class).caseId(), sequence, f -> {
                f.status = "OPEN";
                f.closedOn = null;
                f.outcome = null;
            });
        } else if (event.is(CaseHandedOver.TYPE)) {
            CaseHandedOver e = event.data(CaseHandedOver.class);
            onCase(tenant, e.caseId(), sequence, f -> f.assignee = e.toCaseManager());
        } else if (event.is(LegalDomainsChanged.TYPE)) {
            LegalDomainsChanged e = event.data(LegalDomainsChanged.class);
            onCase(tenant, e.caseId(), sequence, f -> f.legalDomains = e.current());
            count(eventId, tenant, "LegalDomainsChanged", e.since(), town(tenant, e.caseId()),
                    String.join("+", e.previous()) + ">" + String.join("+", e.current()), null);
        } else if (event.is(NeedAssessed.TYPE)) {
            needAssessed(tenant, day, event.data(NeedAssessed.class));
        } else if (event.is(NeedResolved.TYPE)) {
            NeedFact need = mongo.findById(key(tenant, event.data(NeedResolved.class).needId()), NeedFact.class);
            if (need != null) {
                need.resolved = true;
                mongo.save(need);
            }
        } else if (event.is(GoalAchieved.TYPE)) {
            GoalAchieved e = event.data(GoalAchieved.class);
            count(eventId, tenant, "GoalAchieved", e.achievedOn(), town(tenant, e.caseId()), e.fieldOfAction(), null);
        } else if (event.is(DoubleFundingWarned.TYPE)) {
            DoubleFundingWarned e = event.data(DoubleFundingWarned.class);
            count(eventId, tenant, "DoubleFundingWarned", day, town(tenant, e.caseId()), e.kind(),
                    e.alreadyFundedBy() + ">" + e.fundedBy());
        } else if (event.is(ThemeTagged.TYPE)) {
            ThemeTagged e = event.data(ThemeTagged.class);
            count(eventId, tenant, "ThemeTagged", day, town(tenant, e.caseId()), e.themeCode(), null);
        } else if (event.is(ReferralMade.TYPE)) {
            referralMade(tenant, sequence, event.data(ReferralMade.class));
        } else if (event.is(ReferralWithdrawn.TYPE)) {
            ReferralWithdrawn e = event.data(ReferralWithdrawn.class);
            referralAnswered(tenant, e.referralId(), e.caseId(), e.partnerId(), "WITHDRAWN", null, day);
        } else if (event.is(ReferralAccepted.TYPE)) {
            ReferralAccepted e = event.data(ReferralAccepted.class);
            referralAnswered(tenant, e.referralId(), e.caseId(), e.partnerId(), "ACCEPTED", null, day);
        } else if (event.is(ReferralDeclined.TYPE)) {
            ReferralDeclined e = event.data(ReferralDeclined.class);
            referralAnswered(tenant, e.referralId(), e.caseId(), e.partnerId(), "DECLINED", e.reason(), day);
        } else if (event.is(ReferralCompleted.TYPE)) {
            ReferralCompleted e = event.data(ReferralCompleted.class);
            referralAnswered(tenant, e.referralId(), e.caseId(), e.partnerId(), "COMPLETED", null, day);
        } else if (event.is(PartnerRegistered.TYPE)) {
            PartnerRegistered e = event.data(PartnerRegistered.class);
            PartnerFact partner = new PartnerFact();
            partner.id = key(tenant, e.partnerId());
            partner.tenant = tenant;
            partner.partnerId = e.partnerId();
            partner.name = e.name();
            partner.active = true;
            mongo.save(partner);
        } else if (event.is(PartnerDeactivated.TYPE)) {
            PartnerFact partner = mongo.findById(key(tenant, event.data(PartnerDeactivated.class).partnerId()),
                    PartnerFact.class);
            if (partner != null) {
                partner.active = false;
                mongo.save(partner);
            }
        } else if (event.is(OfferPublished.TYPE)) {
            OfferPublished e = event.data(OfferPublished.class);
            OfferFact offer = new OfferFact();
            offer.id = key(tenant, e.offerId());
            offer.tenant = tenant;
            offer.partnerId = e.partnerId();
            offer.offerId = e.offerId();
            offer.fieldOfAction = e.fieldOfAction();
            offer.town = e.town();
            offer.online = e.online();
            offer.capacity = e.capacity();
            offer.active = true;
            mongo.save(offer);
        } else if (event.is(OfferWithdrawn.TYPE)) {
            OfferFact offer = mongo.findById(key(tenant, event.data(OfferWithdrawn.class).offerId()), OfferFact.class);
            if (offer != null) {
                offer.active = false;
                mongo.save(offer);
            }
        } else if (event.is(ResidenceStatusProgressed.TYPE)) {
            ResidenceStatusProgressed e = event.data(ResidenceStatusProgressed.class);
            count(eventId, tenant, "ResidenceStatusProgressed", e.validFrom(), null,
                    e.pathway() == null ? "NONE" : e.pathway(), e.fromStatus() + ">" + e.toStatus());
        }
    }

    private void caseOpened(String tenant, long sequence, CaseOpened e) {
        if (mongo.findById(key(tenant, e.caseId()), CaseFact.class) != null) {
            return;
        }
        CaseFact fact = new CaseFact();
        fact.id = key(tenant, e.caseId());
        fact.tenant = tenant;
        fact.caseId = e.caseId();
        fact.town = e.town();
        fact.targetGroup = e.targetGroup();
        fact.accessRoute = e.accessRoute();
        fact.assignee = e.assignee();
        fact.openedOn = e.openedOn();
        fact.status = "OPEN";
        fact.lastSequence = sequence;
        mongo.save(fact);
    }

    private void onCase(String tenant, String caseId, long sequence, java.util.function.Consumer<CaseFact> change) {
        CaseFact fact = mongo.findById(key(tenant, caseId), CaseFact.class);
        if (fact == null || fact.lastSequence >= sequence) {
            return;
        }
        change.accept(fact);
        fact.lastSequence = sequence;
        mongo.save(fact);
    }

    private void needAssessed(String tenant, LocalDate day, NeedAssessed e) {
        if (mongo.findById(key(tenant, e.needId()), NeedFact.class) != null) {
            return;
        }
        NeedFact need = new NeedFact();
        need.id = key(tenant, e.needId());
        need.tenant = tenant;
        need.caseId = e.caseId();
        need.town = town(tenant, e.caseId());
        need.fieldOfAction = e.fieldOfAction();
        need.assessedOn = day;
        mongo.save(need);
    }

    private void referralMade(String tenant, long sequence, ReferralMade e) {
        ReferralFact referral = referral(tenant, e.referralId(), e.caseId(), e.partnerId());
        referral.offerId = e.offerId();
        referral.fieldOfAction = e.fieldOfAction();
        referral.town = town(tenant, e.caseId());
        referral.madeOn = e.madeOn();
        if (referral.status == null) {
            referral.status = "MADE";
        }
        mongo.save(referral);
        onCase(tenant, e.caseId(), sequence, f -> f.firstReferralOn = f.firstReferralOn == null
                || e.madeOn().isBefore(f.firstReferralOn) ? e.madeOn() : f.firstReferralOn);
    }

    /** A later stage never falls back to an earlier one, whatever order the topics deliver in. */
    private void referralAnswered(String tenant, String referralId, String caseId, String partnerId, String status,
                                  String reason, LocalDate day) {
        ReferralFact referral = referral(tenant, referralId, caseId, partnerId);
        if (referral.status != null && REFERRAL_STAGE.get(referral.status) >= REFERRAL_STAGE.get(status)) {
            return;
        }
        referral.status = status;
        if (reason != null) {
            referral.declineReason = reason;
        }
        if (!"COMPLETED".equals(status)) {
            referral.answeredOn = day;
        }
        mongo.save(referral);
    }

    private ReferralFact referral(String tenant, String referralId, String caseId, String partnerId) {
        ReferralFact referral = mongo.findById(key(tenant, referralId), ReferralFact.class);
        if (referral == null) {
            referral = new ReferralFact();
            referral.id = key(tenant, referralId);
            referral.tenant = tenant;
            referral.caseId = caseId;
            referral.partnerId = partnerId;
        }
        return referral;
    }

    private void count(String eventId, String tenant, String type, LocalDate day, String town, String code,
                       String detail) {
        mongo.save(new EventFact(eventId, tenant, type, day, town, code, detail));
    }

    private String town(String tenant, String caseId) {
        CaseFact fact = mongo.findById(key(tenant, caseId), CaseFact.class);
        return fact == null ? null : fact.town;
    }

    /** Drops every fact: the start of a rebuild from the topics. */
    public void clear() {
        for (Class<?> type : List.of(CaseFact.class, NeedFact.class, ReferralFact.class, OfferFact.class,
                PartnerFact.class, EventFact.class)) {
            mongo.dropCollection(type);
        }
    }

    static String key(String tenant, String id) {
        return tenant + ":" + id;
    }
}
