package de.kim.cases.query;

import de.kim.cases.api.*;
import de.kim.platform.readmodel.ReadModelDatabase;
import de.kim.platform.readmodel.WriteBehind;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Keeps the work baskets from the case events and the hand-overs added to cases: an item comes
 * once (a repeated event finds it there and changes nothing), goes to the case's case manager (a
 * follow-up to the one it names), moves with a hand-over of the case, and is done when dealt with
 * ({@link WorkItemDoneEvent}, a follow-up's completion, a consent's end) or when the case closes.
 * The live processor writes a batch of events at a time ({@link WorkBasketBatch}); a rebuild, an
 * event at a time.
 */
@Component
@ProcessingGroup(WorkBasketDatabase.READ_MODEL)
public class WorkBasketProjection {

    /** How long before a consent's last day it shows in the work basket. */
    public static final int CONSENT_NOTICE_DAYS = 30;
    private static final ZoneId GERMANY = ZoneId.of("Europe/Berlin");

    private final ReadModelDatabase database;

    /** The live database is the {@code workBasketDatabase} bean; a rebuild passes a fresh one. */
    public WorkBasketProjection(ReadModelDatabase workBasketDatabase) {
        this.database = workBasketDatabase;
    }

    /** Whose work basket a case's items go to. */
    @Document("work_basket_case_managers")
    public record CaseManager(@Id String caseId, String tenant, String assignee) {
    }

    @EventHandler
    void on(CaseOpenedEvent e) {
        CaseManager manager = new CaseManager(e.caseId().value(), e.tenant(), e.assignee());
        batch().ifPresentOrElse(batch -> batch.save(manager), () -> mongo().save(manager));
    }

    @EventHandler
    void on(CaseHandedOverEvent e) {
        String caseId = e.caseId().value();
        batch().ifPresentOrElse(batch -> batch.handedOver(caseId, e.fromCaseManager(), e.toCaseManager()), () -> {
            mongo().updateFirst(byId(caseId), assignedTo(e.toCaseManager()), CaseManager.class);
            mongo().updateMulti(openItems(caseId, e.fromCaseManager()), assignedTo(e.toCaseManager()), WorkBasketItem.class);
        });
    }

    @EventHandler
    void on(FollowUpScheduledEvent e) {
        add(e.caseId(), itemId(e.caseId(), "follow-up", e.followUpId().value()), WorkItemKind.FOLLOW_UP, e.followUpId().value(),
                e.assignee(), e.dueOn(), e.dueOn());
    }

    @EventHandler
    void on(FollowUpCompletedEvent e) {
        done(itemId(e.caseId(), "follow-up", e.followUpId().value()));
    }

    @EventHandler
    void on(ReferralAcceptedEvent e) {
        answered(e.caseId(), e.referralId(), "ACCEPTED", e.answeredAt());
    }

    @EventHandler
    void on(ReferralDeclinedEvent e) {
        answered(e.caseId(), e.referralId(), "DECLINED", e.answeredAt());
    }

    @EventHandler
    void on(ReferralCompletedEvent e) {
        answered(e.caseId(), e.referralId(), "COMPLETED", e.answeredAt());
    }

    @EventHandler
    void on(HandoverAddedToCaseEvent e, @Timestamp Instant at) {
        LocalDate day = LocalDate.ofInstant(at, GERMANY);
        add(e.caseId(), itemId(e.caseId(), "handover", e.handoverId().value()), WorkItemKind.HANDOVER, null, null, day, day);
    }

    @EventHandler
    void on(StatusCheckAnsweredEvent e) {
        add(e.caseId(), itemId(e.caseId(), "status-check", e.statusCheckId().value()), WorkItemKind.STATUS_CHECK_ANSWER,
                null, null, e.answeredOn(), e.answeredOn());
    }

    @EventHandler
    void on(ConsentRecordedEvent e) {
        add(e.caseId(), itemId(e.caseId(), "consent", e.consentId().value()), WorkItemKind.CONSENT_EXPIRING, null, null,
                e.validUntil().minusDays(CONSENT_NOTICE_DAYS), e.validUntil());
    }

    @EventHandler
    void on(ConsentRevokedEvent e) {
        done(itemId(e.caseId(), "consent", e.consentId().value()));
    }

    @EventHandler
    void on(ConsentExpiredEvent e) {
        done(itemId(e.caseId(), "consent", e.consentId().value()));
    }

    @EventHandler
    void on(WorkItemDoneEvent e) {
        done(e.itemId());
    }

    @EventHandler
    void on(CaseClosedEvent e) {
        caseDone(e.caseId());
    }

    @EventHandler
    void on(ClientErasedEvent e) {
        caseDone(e.caseId());
    }

    private void answered(CaseId caseId, ReferralId referralId, String answer, Instant at) {
        LocalDate day = at == null ? null : LocalDate.ofInstant(at, GERMANY);
        add(caseId, itemId(caseId, "referral", referralId.value() + ":" + answer.toLowerCase(java.util.Locale.ROOT)),
                WorkItemKind.REFERRAL_ANSWER, answer, null, day, day);
    }

    /** The item, once: a repeated event finds it and leaves it as it is (done or moved since). */
    private void add(CaseId caseId, String itemId, WorkItemKind kind, String detail, String assignee,
                     LocalDate showFrom, LocalDate dueOn) {
        Optional<WorkBasketBatch> batch = batch();
        if (batch.map(b -> b.hasItem(itemId)).orElseGet(() -> mongo().exists(byId(itemId), WorkBasketItem.class))) {
            return;
        }
        CaseManager manager = batch.map(b -> b.manager(caseId.value()))
                .orElseGet(() -> mongo().findById(caseId.value(), CaseManager.class));
        if (manager == null) {
            return;
        }
        WorkBasketItem item = new WorkBasketItem(itemId, manager.tenant(), caseId.value(), kind, detail,
                assignee == null ? manager.assignee() : assignee, showFrom, dueOn, false);
        batch.ifPresentOrElse(b -> b.add(item), () -> mongo().insert(item));
    }

    private void done(String itemId) {
        Update done = new Update().set("done", true);
        batch().ifPresentOrElse(batch -> batch.items(bulk -> bulk.updateOne(byId(itemId), done)),
                () -> mongo().updateFirst(byId(itemId), done, WorkBasketItem.class));
    }

    private void caseDone(CaseId caseId) {
        Query open = Query.query(Criteria.where("caseId").is(caseId.value()).and("done").is(false));
        Update done = new Update().set("done", true);
        batch().ifPresentOrElse(batch -> batch.items(bulk -> bulk.updateMulti(open, done)),
                () -> mongo().updateMulti(open, done, WorkBasketItem.class));
    }

    /** In a unit of work (the processor's batch) the writes are held back and made together at its end. */
    private Optional<WorkBasketBatch> batch() {
        return WriteBehind.ofCurrentUnitOfWork(this, () -> new WorkBasketBatch(mongo()));
    }

    /** The case's open items of a case manager. */
    static Query openItems(String caseId, String assignee) {
        return Query.query(Criteria.where("caseId").is(caseId).and("done").is(false).and("assignee").is(assignee));
    }

    static Update assignedTo(String assignee) {
        return new Update().set("assignee", assignee);
    }

    /** An item's id: the case, the kind of thing and its id, so unique in the whole store. */
    static String itemId(CaseId caseId, String kind, String id) {
        return caseId.value() + ":" + kind + ":" + id;
    }

    static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private MongoTemplate mongo() {
        return database.template();
    }
}
