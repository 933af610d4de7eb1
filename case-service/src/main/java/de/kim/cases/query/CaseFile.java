package de.kim.cases.query;

import de.kim.contracts.vocabulary.AccessRoute;
import de.kim.contracts.vocabulary.CaseOutcome;
import de.kim.cases.api.ClientProfile;
import de.kim.cases.api.ConsentForm;
import de.kim.contracts.vocabulary.MeasureKind;
import de.kim.contracts.vocabulary.Priority;
import de.kim.contracts.vocabulary.ContactKind;
import de.kim.contracts.vocabulary.MeasureKind;
import de.kim.contracts.vocabulary.Priority;
import de.kim.cases.api.ReferralStatus;
import de.kim.contracts.vocabulary.TargetGroup;
import de.kim.contracts.immigration.StatusCheckAnswered;
import de.kim.contracts.vocabulary.AchievementKind;
import de.kim.contracts.vocabulary.ConsentPurpose;
import de.kim.contracts.vocabulary.DataCategory;
import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.contracts.vocabulary.LegalDomain;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The case file as the case manager sees it: the read model behind {@code GET /api/cases/{id}}.
 * {@code version} is the sequence number of the last event applied: the version a client
 * sends back ({@code If-Match}) to change the case, and the guard that makes a repeated event
 * change nothing.
 */
@CompoundIndex(name = "tenant_status_opened", def = "{'tenant': 1, 'status': 1, 'openedOn': 1}")
@CompoundIndex(name = "tenant_status_case_number", def = "{'tenant': 1, 'status': 1, 'caseNumber': 1}")
@CompoundIndex(name = "tenant_opened", def = "{'tenant': 1, 'openedOn': 1}")
@CompoundIndex(name = "tenant_assignee_status_opened", def = "{'tenant': 1, 'assignee': 1, 'status': 1, 'openedOn': 1}")
@CompoundIndex(name = "tenant_search_tokens_opened", def = "{'tenant': 1, 'searchTokens': 1, 'openedOn': 1}")
@CompoundIndex(name = "tenant_assignee_search_tokens_opened",
        def = "{'tenant': 1, 'assignee': 1, 'searchTokens': 1, 'openedOn': 1}")
@CompoundIndex(name = "tenant_case_number", def = "{'tenant': 1, 'caseNumber': 1}")
@CompoundIndex(name = "retention_due", def = "{'status': 1, 'closedOn': 1}")
@Document("case_files")
public class CaseFile {

    @Id
    public String id;
    public String tenant;
    /** The Aktenzeichen, e.g. {@code KIM-2026-00042}; null for a case opened before case numbers were given. */
    public String caseNumber;
    /** The client's personal data; null once erased. */
    public ClientProfile client;
    /** The town the client lives in: not personal on its own, it stays after erasure (figures count by town). */
    public String town;
    public TargetGroup targetGroup;
    public AccessRoute accessRoute;
    public String assignee;
    public String status;
    public LocalDate openedOn;
    public LocalDate closedOn;
    public CaseOutcome outcome;
    public Set<LegalDomain> legalDomains = Set.of();
    public List<LegalDomainPeriod> legalDomainTimeline = new ArrayList<>();
    public List<Consent> consents = new ArrayList<>();
    public List<Need> needs = new ArrayList<>();
    public Plan plan;
    public List<Referral> referrals = new ArrayList<>();
    public List<Measure> measures = new ArrayList<>();
    public List<FollowUp> followUps = new ArrayList<>();
    public List<Theme> themes = new ArrayList<>();
    public List<HandOver> handOvers = new ArrayList<>();
    public String residenceRecordId;
    /**
     * Whether the office confirmed the link: REQUESTED until it answers, then CONFIRMED or REFUSED;
     * null without a link (and for links made before the office confirmed them: they count as requested).
     */
    public String residenceRecordLink;
    public List<Achievement> achievements = new ArrayList<>();
    public List<StatusCheck> statusChecks = new ArrayList<>();
    /** The residence status from the office's newest answer; null for none. */
    public ResidenceStatus residenceStatus;
    /** The contact log: the counselling contacts, in the order recorded. */
    public List<Contact> contacts = new ArrayList<>();
    /** The day the client's data was last corrected (Art. 16 GDPR); null if never. */
    public LocalDate rectifiedOn;
    /** Set once the client's personal data is erased; {@code client} and free texts are gone then. */
    public LocalDate erasedOn;
    public boolean legalHold;
    public boolean disputed;
    public long version;
    /**
     * The blind index of the client's names and date of birth ({@code BlindIndex}): keyed hashes a
     * search is matched against; empty once the client is erased. Never part of an answer.
     */
    @JsonIgnore
    public List<String> searchTokens = new ArrayList<>();

    /** From {@code since} on, the client was in these legal domains. */
    public record LegalDomainPeriod(Set<LegalDomain> legalDomains, LocalDate since) {
    }

    /** A consent and whether it is still in force. */
    public record Consent(String id, String recipient, Set<ConsentPurpose> purposes, Set<DataCategory> dataCategories,
                          ConsentForm form, LocalDate givenOn, LocalDate validUntil, String evidenceReference,
                          LocalDate revokedOn, LocalDate expiredOn) {
    }

    /** A need in a field of action; {@code entrusted}: anvertraut (§ 65 SGB VIII), it never leaves case management. */
    public record Need(String id, FieldOfAction fieldOfAction, Priority priority, String description, String status,
                       LocalDate resolvedOn, boolean entrusted) {
        Need markedEntrusted() {
            return new Need(id, fieldOfAction, priority, description, status, resolvedOn, true);
        }
    }

    /** The integration plan as last agreed, with each goal's state. */
    public record Plan(LocalDate agreedOn, List<Goal> goals) {
    }

    /** A goal of the plan: OPEN, ACHIEVED or DROPPED. */
    public record Goal(String id, FieldOfAction fieldOfAction, String description, LocalDate targetDate, String status,
                       LocalDate achievedOn, String droppedReason) {
    }

    /** A referral to a partner's offer and where it stands. */
    public record Referral(String id, String partnerId, String offerId, String needId, FieldOfAction fieldOfAction,
                           ReferralStatus status, LocalDate madeOn, Instant answeredAt, String declineReason,
                           String result, String withdrawnReason) {
    }

    /** A measure, who funds it, and any double-funding warning on it. */
    public record Measure(String id, MeasureKind kind, String needId, LegalDomain fundedBy, LocalDate from, LocalDate to,
                          String provider, String status, List<String> doubleFundingWith, String justification,
                          boolean entrusted) {
        Measure markedEntrusted() {
            return new Measure(id, kind, needId, fundedBy, from, to, provider, status, doubleFundingWith, justification,
                    true);
        }
    }

    /** A follow-up (Wiedervorlage). */
    public record FollowUp(String id, LocalDate dueOn, String subject, String assignee, LocalDate completedOn) {
    }

    /** A generative theme tagged on the case. */
    public record Theme(String code, String freeText) {
    }

    /**
     * An integration achievement, and whether the immigration office holds it: false again once the
     * consent it went under ended, or once it was marked entrusted.
     */
    public record Achievement(String id, AchievementKind kind, String level, LocalDate achievedOn,
                              boolean sharedWithImmigrationOffice, boolean entrusted) {
        Achievement shared(boolean shared) {
            return new Achievement(id, kind, level, achievedOn, shared, entrusted);
        }

        Achievement markedEntrusted() {
            return new Achievement(id, kind, level, achievedOn, sharedWithImmigrationOffice, true);
        }
    }

    /**
     * A request to the immigration office to check the residence status on the linked record, and
     * its answer: {@code answeredOn} null while none came; {@code answer} null without one to show
     * (none came, no consent released it when it came, or the client is erased).
     */
    public record StatusCheck(String id, String residenceRecordId, LocalDate requestedOn, LocalDate answeredOn,
                              StatusCheckAnswered.Answer answer) {

        StatusCheck answered(LocalDate on, StatusCheckAnswered.Answer given) {
            return new StatusCheck(id, residenceRecordId, requestedOn, on, given);
        }
    }

    /** The client's residence status as the office last told it, on {@code asOf}. */
    public record ResidenceStatus(String statusType, String legalBasis, LocalDate validUntil, LocalDate asOf) {
    }

    /**
     * A counselling contact; {@code interpreterLanguage}: the ISO 639 code an interpreter translated into (sealed in the event),
     * null for none; {@code entrusted}: anvertraut (§ 65 SGB VIII).
     */
    public record Contact(String id, LocalDate contactOn, ContactKind kind, int durationMinutes,
                          String interpreterLanguage, String participants, String note, boolean entrusted) {
        Contact markedEntrusted() {
            return new Contact(id, contactOn, kind, durationMinutes, interpreterLanguage, participants, note, true);
        }
    }

    /** A hand-over to another case manager. */
    public record HandOver(String from, String to, String note) {
    }

    /**
     * Forgets the client: personal data and the free texts that may describe them, each text
     * made empty, as a rebuild from the events would show it once the client's key is gone.
     * What stays are codes, dates and ids, as in the anonymous figures.
     */
    void erase(LocalDate on) {
        client = null;
        searchTokens = new ArrayList<>();
        erasedOn = on;
        status = "CLOSED";
        consents.replaceAll(c -> new Consent(c.id(), c.recipient(), c.purposes(), c.dataCategories(), c.form(),
                c.givenOn(), c.validUntil(), gone(c.evidenceReference()), c.revokedOn(), c.expiredOn()));
        needs.replaceAll(n -> new Need(n.id(), n.fieldOfAction(), n.priority(), gone(n.description()), n.status(),
                n.resolvedOn(), n.entrusted()));
        if (plan != null) {
            plan = new Plan(plan.agreedOn(), plan.goals().stream().map(g -> new Goal(g.id(), g.fieldOfAction(),
                    gone(g.description()), g.targetDate(), g.status(), g.achievedOn(), gone(g.droppedReason()))).toList());
        }
        measures.replaceAll(m -> new Measure(m.id(), m.kind(), m.needId(), m.fundedBy(), m.from(), m.to(),
                gone(m.provider()), m.status(), m.doubleFundingWith(), gone(m.justification()), m.entrusted()));
        followUps.replaceAll(f -> new FollowUp(f.id(), f.dueOn(), gone(f.subject()), f.assignee(), f.completedOn()));
        themes.replaceAll(t -> new Theme(t.code(), gone(t.freeText())));
        handOvers.replaceAll(h -> new HandOver(h.from(), h.to(), gone(h.note())));
        statusChecks.replaceAll(c -> c.answered(c.answeredOn(), null));
        residenceStatus = null;
        contacts.replaceAll(c -> new Contact(c.id(), c.contactOn(), c.kind(), c.durationMinutes(),
                gone(c.interpreterLanguage()), gone(c.participants()), gone(c.note()), c.entrusted()));
        referrals.replaceAll(r -> new Referral(r.id(), r.partnerId(), r.offerId(), r.needId(), r.fieldOfAction(),
                r.status(), r.madeOn(), r.answeredAt(), gone(r.declineReason()), gone(r.result()),
                gone(r.withdrawnReason())));
    }

    /** An erased text: empty where there was one, still null where none was typed. */
    private static String gone(String text) {
        return text == null ? null : "";
    }
}
