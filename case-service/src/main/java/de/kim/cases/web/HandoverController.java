package de.kim.cases.web;

import de.kim.cases.web.docs.HandoverApiDocs;
import de.kim.platform.audit.Audited;
import de.kim.cases.query.HandoverRequests;
import de.kim.cases.query.HandoverRequests.FindHandoverRequestsQuery;
import de.kim.cases.query.HandoverRequests.HandoverRequestsPage;
import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.platform.messaging.Codes;
import de.kim.cases.query.HandoverRequests.HandoverRequest;
import de.kim.platform.domain.InvalidInputException;
import de.kim.platform.web.ListPage;
import de.kim.platform.web.ListPaging;
import de.kim.platform.web.PageRequest;
import de.kim.platform.web.RequestActorResolver;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The immigration office's hand-overs as case managers see them: by default those no case has
 * taken up yet (no open case is linked to the person's residence record).
 */
@Audited(item = "caseId")
@RestController
public class HandoverController implements HandoverApiDocs {

    private final QueryGateway queries;
    private final RequestActorResolver actors;

    public HandoverController(QueryGateway queries, RequestActorResolver actors) {
        this.queries = queries;
        this.actors = actors;
    }

    /** What the list sorts by, the default first: the newest hand-over leads. */
    static final List<String> SORTABLE = List.of("handedOverOn", "fieldOfAction");

    /**
     * {@code status}: {@code OPEN} (default), {@code ADDED_TO_CASE} or {@code ALL}; {@code field} a
     * field of action; paged like every list ({@code page}, {@code size} up to 200, {@code sort}).
     */
    @GetMapping("/api/handovers")
    public ListPage<HandoverRequest> list(@RequestParam(defaultValue = HandoverRequests.OPEN) String status,
                                          @RequestParam(required = false) String residenceRecordId,
                                          @RequestParam(required = false) String field,
                                          @RequestParam(required = false) String page,
                                          @RequestParam(required = false) String size,
                                          @RequestParam(required = false) String sort) {
        if (!List.of(HandoverRequests.OPEN, HandoverRequests.ADDED_TO_CASE, "ALL").contains(status)) {
            throw new InvalidInputException("status", "handover.status.invalid");
        }
        if (field != null && !field.isBlank() && Codes.of(FieldOfAction.class, field).isEmpty()) {
            throw new InvalidInputException("field", "handover.field.invalid");
        }
        PageRequest paging = ListPaging.of(page, size, sort, SORTABLE, true);
        String tenant = actors.require().tenant().value();
        HandoverRequestsPage found = queries.query(new FindHandoverRequestsQuery(tenant,
                "ALL".equals(status) ? null : status, blank(residenceRecordId), blank(field), paging),
                ResponseTypes.instanceOf(HandoverRequestsPage.class)).join();
        return new ListPage<>(found.items(), found.total(), paging.number(), paging.size());
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
