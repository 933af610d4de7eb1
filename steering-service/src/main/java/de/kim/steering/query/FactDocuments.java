package de.kim.steering.query;

import org.bson.Document;
import org.springframework.data.mongodb.core.convert.MongoConverter;

import java.util.ArrayList;
import java.util.List;

/**
 * The documents a rebuild writes for the facts it holds most of (cases with their needs and
 * events, referrals, countable events), made by hand: Spring Data's reflective mapping took a
 * fifth of a rebuild. They are the documents Spring Data makes of the same facts
 * ({@code FactDocumentsTest} compares them); the other kinds of fact, few, go through Spring Data.
 */
final class FactDocuments {

    private static final String TYPE_KEY = "_class";

    private final MongoConverter converter;

    FactDocuments(MongoConverter converter) {
        this.converter = converter;
    }

    Document of(Facts.Fact fact) {
        if (fact instanceof Facts.CaseFact c) {
            return caseFact(c);
        }
        if (fact instanceof Facts.ReferralFact r) {
            return referral(r);
        }
        if (fact instanceof Facts.EventFact e) {
            return event(e).append(TYPE_KEY, Facts.EventFact.class.getName());
        }
        Document document = new Document();
        converter.write(fact, document);
        return document;
    }

    private Document caseFact(Facts.CaseFact c) {
        Document d = new Document();
        put(d, "_id", c.id);
        put(d, "tenant", c.tenant);
        put(d, "caseId", c.caseId);
        put(d, "town", c.town);
        put(d, "targetGroup", c.targetGroup);
        put(d, "accessRoute", c.accessRoute);
        put(d, "assignee", c.assignee);
        put(d, "openedOn", c.openedOn);
        put(d, "status", c.status);
        put(d, "closedOn", c.closedOn);
        put(d, "outcome", c.outcome);
        put(d, "firstReferralOn", c.firstReferralOn);
        if (c.legalDomains != null) {
            d.append("legalDomains", new ArrayList<>(c.legalDomains));
        }
        if (c.needs != null) {
            List<Document> needs = new ArrayList<>(c.needs.size());
            c.needs.forEach(n -> needs.add(need(n)));
            d.append("needs", needs);
        }
        if (c.events != null) {
            List<Document> events = new ArrayList<>(c.events.size());
            c.events.forEach(e -> events.add(event(e)));
            d.append("events", events);
        }
        d.append("lastSequence", c.lastSequence);
        return d.append(TYPE_KEY, Facts.CaseFact.class.getName());
    }

    private Document need(Facts.NeedFact n) {
        Document d = new Document();
        put(d, "_id", n.id);
        put(d, "tenant", n.tenant);
        put(d, "caseId", n.caseId);
        put(d, "town", n.town);
        put(d, "fieldOfAction", n.fieldOfAction);
        put(d, "assessedOn", n.assessedOn);
        return d.append("resolved", n.resolved);
    }

    private Document referral(Facts.ReferralFact r) {
        Document d = new Document();
        put(d, "_id", r.id);
        put(d, "tenant", r.tenant);
        put(d, "caseId", r.caseId);
        put(d, "partnerId", r.partnerId);
        put(d, "offerId", r.offerId);
        put(d, "fieldOfAction", r.fieldOfAction);
        put(d, "town", r.town);
        put(d, "madeOn", r.madeOn);
        put(d, "status", r.status);
        put(d, "declineReason", r.declineReason);
        put(d, "answeredOn", r.answeredOn);
        return d.append(TYPE_KEY, Facts.ReferralFact.class.getName());
    }

    private Document event(Facts.EventFact e) {
        Document d = new Document();
        put(d, "_id", e.id());
        put(d, "tenant", e.tenant());
        put(d, "type", e.type());
        put(d, "day", e.day());
        put(d, "town", e.town());
        put(d, "code", e.code());
        put(d, "detail", e.detail());
        return d;
    }

    /** A value as Spring Data stores it (a day as its date, as the live projection's writes do); none for null. */
    private void put(Document d, String key, Object value) {
        if (value != null) {
            d.append(key, value instanceof String ? value : converter.convertToMongoType(value));
        }
    }
}
