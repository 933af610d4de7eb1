package de.kim.cases.query;

import de.kim.platform.readmodel.ReadModelDatabase;
import de.kim.platform.readmodel.ReadModelIndexes;
import de.kim.cases.command.LinkedCases;
import de.kim.platform.web.PageRequest;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The immigration office's hand-overs as case management keeps them ({@code handover_requests}),
 * and which case is linked to which residence record ({@code residence_links}, the look-up of the
 * {@link de.kim.cases.command.HandoverIntakeSaga}). Written by {@link HandoverRequestsProjection} and
 * {@link ResidenceLinksProjection};
 * writes are keyed by tenant and id, so a repeated event changes nothing.
 */
@Component
public class HandoverRequests implements LinkedCases {

    /** A hand-over no case of the tenant has taken up yet: it waits in {@code GET /api/handovers}. */
    public static final String OPEN = "OPEN";
    /** A hand-over that became a need of a case. */
    public static final String ADDED_TO_CASE = "ADDED_TO_CASE";

    private final ReadModelDatabase requests;
    private final MongoTemplate links;

    @Autowired
    public HandoverRequests(HandoverRequestsDatabase requests, MongoTemplate links) {
        this((ReadModelDatabase) requests, links);
    }

    private HandoverRequests(ReadModelDatabase requests, MongoTemplate links) {
        this.requests = requests;
        this.links = links;
        ReadModelIndexes.ensure(links, ResidenceLink.class);
    }

    /** Hand-over requests written into the given database only: a rebuild's. */
    public static HandoverRequests pinnedTo(MongoTemplate target) {
        return new HandoverRequests(ReadModelDatabase.pinnedTo(target), target);
    }

    /**
     * A hand-over of the immigration office: the need it names, and where it went.
     *
     * @param fieldOfAction the field of action as the office sent it (kept as text: a value this
     *                      service does not know yet still shows to the case manager)
     * @param caseId        the case the need was added to; null while open
     * @param needId        the need on that case; derived from the hand-over id
     */
    @CompoundIndex(name = "tenant_status_handed_over", def = "{'tenant': 1, 'status': 1, 'handedOverOn': 1}")
    @CompoundIndex(name = "tenant_record", def = "{'tenant': 1, 'residenceRecordId': 1}")
    @Document("handover_requests")
    public record HandoverRequest(@Id String id, String tenant, String handoverId, String residenceRecordId,
                                  String fieldOfAction, String reasonCode, String pathway, LocalDate handedOverOn,
                                  String status, String caseId, String needId) {
    }

    /** A case linked to a residence record of the office, and since when. */
    @CompoundIndex(name = "tenant_record", def = "{'tenant': 1, 'residenceRecordId': 1}")
    @Document("residence_links")
    public record ResidenceLink(@Id String id, String tenant, String caseId, String residenceRecordId,
                                Instant linkedAt) {
    }

    /**
     * A page of the hand-over requests of a tenant, optionally only those in a status, for one
     * residence record or in one field of action, sorted as the page asks.
     */
    public record FindHandoverRequestsQuery(String tenant, String status, String residenceRecordId, String fieldOfAction,
                                            PageRequest page) {
    }

    /** A page of hand-over requests and how many match in all. */
    public record HandoverRequestsPage(List<HandoverRequest> items, long total) {
    }

    public Optional<HandoverRequest> find(String tenant, String handoverId) {
        return Optional.ofNullable(requests.template().findById(key(tenant, handoverId), HandoverRequest.class));
    }

    /** Keeps a newly received hand-over as open; one already known keeps its state. */
    public HandoverRequest received(String tenant, String handoverId, String residenceRecordId, String fieldOfAction,
                                    String reasonCode, String pathway, LocalDate handedOverOn) {
        return find(tenant, handoverId).orElseGet(() -> requests.template().save(new HandoverRequest(key(tenant, handoverId), tenant,
                handoverId, residenceRecordId, fieldOfAction, reasonCode, pathway, handedOverOn, OPEN, null, null)));
    }

    public void addedToCase(String tenant, String handoverId, String caseId, String needId) {
        requests.template().updateFirst(Query.query(Criteria.where("_id").is(key(tenant, handoverId))),
                new Update().set("status", ADDED_TO_CASE).set("caseId", caseId).set("needId", needId),
                HandoverRequest.class);
    }

    /** A case now points at this record; a case linked to another record before no longer does. */
    public void linked(String tenant, String caseId, String residenceRecordId, Instant at) {
        links.save(new ResidenceLink(tenant + ":" + caseId, tenant, caseId, residenceRecordId, at));
    }

    /** The cases of a tenant linked to a record, the latest link first. */
    @Override
    public List<String> casesLinkedTo(String tenant, String residenceRecordId) {
        return links.find(Query.query(Criteria.where("tenant").is(tenant).and("residenceRecordId").is(residenceRecordId))
                        .with(Sort.by(Sort.Direction.DESC, "linkedAt")), ResidenceLink.class)
                .stream().map(ResidenceLink::caseId).toList();
    }

    @QueryHandler
    HandoverRequestsPage handle(FindHandoverRequestsQuery query) {
        Criteria criteria = Criteria.where("tenant").is(query.tenant());
        if (query.status() != null) {
            criteria = criteria.and("status").is(query.status());
        }
        if (query.residenceRecordId() != null) {
            criteria = criteria.and("residenceRecordId").is(query.residenceRecordId());
        }
        if (query.fieldOfAction() != null) {
            criteria = criteria.and("fieldOfAction").is(query.fieldOfAction());
        }
        MongoTemplate mongo = requests.template();
        long total = mongo.count(Query.query(criteria), HandoverRequest.class);
        PageRequest page = query.page();
        Sort.Direction direction = page.descending() ? Sort.Direction.DESC : Sort.Direction.ASC;
        List<HandoverRequest> items = mongo.find(Query.query(criteria)
                .with(Sort.by(direction, page.sort()).and(Sort.by(direction, "handoverId")))
                .skip(page.offset()).limit(page.size()), HandoverRequest.class);
        return new HandoverRequestsPage(items, total);
    }

    private static String key(String tenant, String handoverId) {
        return tenant + ":" + handoverId;
    }
}
