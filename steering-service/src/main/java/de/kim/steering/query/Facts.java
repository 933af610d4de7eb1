package de.kim.steering.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.util.List;

/**
 * The facts steering keeps, one document per thing it counts. No fact holds a person: only ids
 * (random, saying nothing about anyone), codes, towns and days. Figures are computed from
 * these, so a new figure needs no new projection.
 */
public final class Facts {

    private Facts() {
    }

    /** Every kind of fact kept as documents of its own (needs live inside their case). */
    static final Class<?>[] DOCUMENTS = {CaseFact.class, ReferralFact.class, OfferFact.class, PartnerFact.class,
            RecordFact.class, EventFact.class};

    /** A fact knows its id: the tenant and the id of what it stands for. */
    public interface Fact {
        String factId();
    }

    /** A case: where, which target group, when opened and closed, how it ended, when first referred. */
    @CompoundIndex(name = "tenant_town", def = "{'tenant': 1, 'town': 1}")
    @Document("case_facts")
    public static class CaseFact implements Fact {
        @Id
        public String id;

        @Override
        public String factId() {
            return id;
        }

        public String tenant;
        public String caseId;
        public String town;
        public String targetGroup;
        public String accessRoute;
        public String assignee;
        public LocalDate openedOn;
        public String status;
        public LocalDate closedOn;
        public String outcome;
        public LocalDate firstReferralOn;
        public List<String> legalDomains = List.of();
        /** The case's needs, kept inside the case: a rebuild writes one document per case, not one per need. */
        public List<NeedFact> needs = new java.util.ArrayList<>();
        /** The case's countable events (goals reached, warnings, themes, legal-domain changes), likewise. */
        public List<EventFact> events = new java.util.ArrayList<>();
        public long lastSequence;
    }

    /** A need of a case in a field of action; kept inside its {@link CaseFact}. */
    public static class NeedFact implements Fact {
        @Id
        public String id;

        @Override
        public String factId() {
            return id;
        }

        public String tenant;
        public String caseId;
        public String town;
        public String fieldOfAction;
        public LocalDate assessedOn;
        public boolean resolved;
    }

    /** A referral and its answer. */
    @CompoundIndex(name = "tenant_town", def = "{'tenant': 1, 'town': 1}")
    @Document("referral_facts")
    public static class ReferralFact implements Fact {
        @Id
        public String id;

        @Override
        public String factId() {
            return id;
        }

        public String tenant;
        public String caseId;
        public String partnerId;
        public String offerId;
        public String fieldOfAction;
        public String town;
        public LocalDate madeOn;
        public String status;
        public String declineReason;
        public LocalDate answeredOn;
    }

    /** A partner's offer and its capacity; places taken are counted from the accepted referrals. */
    @CompoundIndex(name = "tenant_town", def = "{'tenant': 1, 'town': 1}")
    @Document("offer_facts")
    public static class OfferFact implements Fact {
        @Id
        public String id;

        @Override
        public String factId() {
            return id;
        }

        public String tenant;
        public String partnerId;
        public String offerId;
        public String fieldOfAction;
        public String town;
        public boolean online;
        public int capacity;
        public boolean active;
    }

    /** A network partner organisation (an organisation's name is not personal data). */
    @CompoundIndex(name = "tenant", def = "{'tenant': 1}")
    @Document("partner_facts")
    public static class PartnerFact implements Fact {
        @Id
        public String id;

        @Override
        public String factId() {
            return id;
        }

        public String tenant;
        public String partnerId;
        public String name;
        /** A code of PartnerKind; null for a partner known only from version 1 of PartnerRegistered. */
        public String kind;
        public boolean active;
    }

    /** A residence record: only the legal basis of its current status, to see § 104c transitions. */
    @CompoundIndex(name = "tenant", def = "{'tenant': 1}")
    @Document("record_facts")
    public static class RecordFact implements Fact {
        @Id
        public String id;

        @Override
        public String factId() {
            return id;
        }

        public String tenant;
        public String legalBasis;
        public long lastSequence = -1;
    }

    /**
     * One countable event, keyed by the event's id so that a redelivery counts once: inside its
     * {@link CaseFact} for a case's events (goals, warnings, themes, legal-domain changes), a
     * document of its own for the others (residence status progressions).
     */
    @CompoundIndex(name = "tenant_town", def = "{'tenant': 1, 'town': 1}")
    @Document("event_facts")
    public record EventFact(@Id String id, String tenant, String type, LocalDate day, String town, String code,
                            String detail) implements Fact {
        @Override
        public String factId() {
            return id;
        }
    }
}
