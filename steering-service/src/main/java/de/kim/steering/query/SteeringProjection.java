package de.kim.steering.query;

import de.kim.contracts.cases.*;
import de.kim.contracts.immigration.ResidenceStatusProgressed;
import de.kim.contracts.partners.*;
import de.kim.platform.messaging.ReceivedEvent;
import de.kim.steering.query.Facts.*;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;
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

    private final FactsDatabase database;

    public SteeringProjection(FactsDatabase database) {
        this.database = database;
    }

    /** Applies the event to the live facts; answers the day whose figures it changes. */
    public LocalDate apply(ReceivedEvent event) {
        return apply(event, database.store());
    }

    /** Applies the event to the given facts, e.g. those of a rebuild; answers the day whose figures it changes. */
    public LocalDate apply(ReceivedEvent event, FactStore store) {
        String tenant = event.envelope().tenant();
        long sequence = event.envelope().sequence();
        LocalDate day = LocalDate.ofInstant(event.envelope().time(), GERMANY);
        String eventId = event.envelope().id();
        if (event.is(CaseOpened.TYPE)) {
            CaseOpened opened = event.data(CaseOpened.class);
            caseOpened(store, tenant, sequence, opened);
            return opened.openedOn();
        } else if (event.is(CaseClosed.TYPE)) {
            CaseClosed e = event.data(CaseClosed.class);
            onCase(store, tenant, e.caseId(), sequence, f -> {
                f.status = "CLOSED";
                f.closedOn = e.closedOn();
                f.outcome = e.outcome();
            });
            return e.closedOn();
        } else if (event.is(CaseReopened.TYPE)) {
            onCase(store, tenant, event.data(CaseReopened.class).caseId(), sequence, f -> {
                f.status = "OPEN";
                f.closedOn = null;
                f.outcome = null;
            });
        } else if (event.is(CaseHandedOver.TYPE)) {
            CaseHandedOver e = event.data(CaseHandedOver.class);
            onCase(store, tenant, e.caseId(), sequence, f -> f.assignee = e.toCaseManager());
        } else if (event.is(LegalDomainsChanged.TYPE)) {
            LegalDomainsChanged e = event.data(LegalDomainsChanged.class);
            onCase(store, tenant, e.caseId(), sequence, f -> {
                f.legalDomains = e.current();
                f.events.add(new EventFact(eventId, tenant, "LegalDomainsChanged", e.since(), f.town,
                        String.join("+", e.previous()) + ">" + String.join("+", e.current()), null));
            });
            return e.since();
        } else if (event.is(NeedAssessed.TYPE)) {
            needAssessed(store, tenant, sequence, day, event.data(NeedAssessed.class));
        } else if (event.is(NeedResolved.TYPE)) {
            NeedResolved e = event.data(NeedResolved.class);
            onCase(store, tenant, e.caseId(), sequence, f -> f.needs.stream()
                    .filter(n -> n.id.equals(key(tenant, e.needId()))).forEach(n -> n.resolved = true));
        } else if (event.is(GoalAchieved.TYPE)) {
            GoalAchieved e = event.data(GoalAchieved.class);
            onCase(store, tenant, e.caseId(), sequence, f -> f.events.add(new EventFact(eventId, tenant, "GoalAchieved",
                    e.achievedOn(), f.town, e.fieldOfAction(), null)));
            return e.achievedOn();
        } else if (event.is(DoubleFundingWarned.TYPE)) {
            DoubleFundingWarned e = event.data(DoubleFundingWarned.class);
            onCase(store, tenant, e.caseId(), sequence, f -> f.events.add(new EventFact(eventId, tenant,
                    "DoubleFundingWarned", day, f.town, e.kind(), e.alreadyFundedBy() + ">" + e.fundedBy())));
        } else if (event.is(ThemeTagged.TYPE)) {
            ThemeTagged e = event.data(ThemeTagged.class);
            onCase(store, tenant, e.caseId(), sequence, f -> f.events.add(new EventFact(eventId, tenant, "ThemeTagged",
                    day, f.town, e.themeCode(), null)));
        } else if (event.is(ReferralMade.TYPE) || event.is(ReferralMade.VERSION_2)) {
            ReferralMade made = event.data(ReferralMade.class);
            referralMade(store, tenant, sequence, made);
            return made.madeOn();
        } else if (event.is(ReferralWithdrawn.TYPE) || event.is(ReferralWithdrawn.VERSION_1)) {
            ReferralWithdrawn e = event.data(ReferralWithdrawn.class);
            referralAnswered(store, tenant, e.referralId(), e.caseId(), e.partnerId(), "WITHDRAWN", null, day);
        } else if (event.is(ReferralAccepted.TYPE)) {
            ReferralAccepted e = event.data(ReferralAccepted.class);
            referralAnswered(store, tenant, e.referralId(), e.caseId(), e.partnerId(), "ACCEPTED", null, day);
        } else if (event.is(ReferralDeclined.TYPE)) {
            ReferralDeclined e = event.data(ReferralDeclined.class);
            referralAnswered(store, tenant, e.referralId(), e.caseId(), e.partnerId(), "DECLINED", e.reason(), day);
        } else if (event.is(ReferralCompleted.TYPE)) {
            ReferralCompleted e = event.data(ReferralCompleted.class);
            referralAnswered(store, tenant, e.referralId(), e.caseId(), e.partnerId(), "COMPLETED", null, day);
        } else if (event.is(PartnerRegistered.TYPE)) {
            PartnerRegistered e = event.data(PartnerRegistered.class);
            PartnerFact partner = new PartnerFact();
            partner.id = key(tenant, e.partnerId());
            partner.tenant = tenant;
            partner.partnerId = e.partnerId();
            partner.name = e.name();
            partner.active = true;
            store.save(partner);
        } else if (event.is(PartnerDeactivated.TYPE)) {
            PartnerFact partner = store.find(PartnerFact.class,
                    key(tenant, event.data(PartnerDeactivated.class).partnerId()));
            if (partner != null) {
                partner.active = false;
                store.save(partner);
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
            store.save(offer);
        } else if (event.is(OfferWithdrawn.TYPE)) {
            OfferFact offer = store.find(OfferFact.class, key(tenant, event.data(OfferWithdrawn.class).offerId()));
            if (offer != null) {
                offer.active = false;
                store.save(offer);
            }
        } else if (event.is(ResidenceStatusProgressed.TYPE)) {
            ResidenceStatusProgressed e = event.data(ResidenceStatusProgressed.class);
            count(store, eventId, tenant, "ResidenceStatusProgressed", e.validFrom(), null,
                    e.pathway() == null ? "NONE" : e.pathway(), e.fromStatus() + ">" + e.toStatus());
            RecordFact record = store.find(RecordFact.class, key(tenant, e.recordId()));
            if (record == null) {
                record = new RecordFact();
                record.id = key(tenant, e.recordId());
                record.tenant = tenant;
            }
            // A § 104c permit followed by another status: the Chancen-Aufenthaltsrecht's transition.
            if (record.legalBasis != null && record.legalBasis.contains("104c") && record.lastSequence < sequence) {
                count(store, eventId + ":chancen", tenant, "ChancenTransition", e.validFrom(), null,
                        e.pathway() == null ? "NONE" : e.pathway(), e.legalBasis());
            }
            if (record.lastSequence < sequence || record.legalBasis == null) {
                record.legalBasis = e.legalBasis();
                record.lastSequence = sequence;
                store.save(record);
            }
            return e.validFrom();
        }
        return day;
    }

    private void caseOpened(FactStore store, String tenant, long sequence, CaseOpened e) {
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
        store.insertIfAbsent(fact);
    }

    private void onCase(FactStore store, String tenant, String caseId, long sequence, java.util.function.Consumer<CaseFact> change) {
        CaseFact fact = store.find(CaseFact.class, key(tenant, caseId));
        if (fact == null || fact.lastSequence >= sequence) {
            return;
        }
        change.accept(fact);
        fact.lastSequence = sequence;
        store.save(fact);
    }

    private void needAssessed(FactStore store, String tenant, long sequence, LocalDate day, NeedAssessed e) {
        onCase(store, tenant, e.caseId(), sequence, f -> {
            NeedFact need = new NeedFact();
            need.id = key(tenant, e.needId());
            need.tenant = tenant;
            need.caseId = e.caseId();
            need.town = f.town;
            need.fieldOfAction = e.fieldOfAction();
            need.assessedOn = day;
            f.needs.add(need);
        });
    }

    private void referralMade(FactStore store, String tenant, long sequence, ReferralMade e) {
        ReferralFact referral = referral(store, tenant, e.referralId(), e.caseId(), e.partnerId());
        referral.offerId = e.offerId();
        referral.fieldOfAction = e.fieldOfAction();
        referral.town = town(store, tenant, e.caseId());
        referral.madeOn = e.madeOn();
        if (referral.status == null) {
            referral.status = "MADE";
        }
        store.save(referral);
        onCase(store, tenant, e.caseId(), sequence, f -> f.firstReferralOn = f.firstReferralOn == null
                || e.madeOn().isBefore(f.firstReferralOn) ? e.madeOn() : f.firstReferralOn);
    }

    /** A later stage never falls back to an earlier one, whatever order the topics deliver in. */
    private void referralAnswered(FactStore store, String tenant, String referralId, String caseId, String partnerId, String status,
                                  String reason, LocalDate day) {
        ReferralFact referral = referral(store, tenant, referralId, caseId, partnerId);
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
        store.save(referral);
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
