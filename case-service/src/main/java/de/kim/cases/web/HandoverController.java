package de.kim.cases.web;

import de.kim.cases.web.docs.HandoverApiDocs;
import de.kim.platform.audit.Audited;
import de.kim.cases.query.HandoverRequests;
import de.kim.cases.query.HandoverRequests.FindHandoverRequestsQuery;
import de.kim.cases.query.HandoverRequests.HandoverRequest;
import de.kim.platform.domain.InvalidInputException;
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

    /** {@code status}: {@code OPEN} (default), {@code ADDED_TO_CASE} or {@code ALL}. */
    @GetMapping("/api/handovers")
    public List<HandoverRequest> list(@RequestParam(defaultValue = HandoverRequests.OPEN) String status,
                                      @RequestParam(required = false) String residenceRecordId) {
        if (!List.of(HandoverRequests.OPEN, HandoverRequests.ADDED_TO_CASE, "ALL").contains(status)) {
            throw new InvalidInputException("status", "handover.status.invalid");
        }
        String tenant = actors.require().tenant().value();
        return queries.query(new FindHandoverRequestsQuery(tenant, "ALL".equals(status) ? null : status,
                residenceRecordId), ResponseTypes.multipleInstancesOf(HandoverRequest.class)).join();
    }
}
