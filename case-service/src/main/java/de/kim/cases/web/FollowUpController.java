package de.kim.cases.web;

import de.kim.cases.web.docs.WorkBasketApiDocs;
import de.kim.platform.audit.Audited;
import de.kim.cases.query.CaseQueries.FindDueFollowUpsQuery;
import de.kim.cases.query.CaseQueries.FollowUpPage;
import de.kim.cases.query.FollowUpEntry;
import de.kim.platform.domain.Actor;
import de.kim.platform.domain.Role;
import de.kim.platform.web.ListPage;
import de.kim.platform.web.ListPaging;
import de.kim.platform.web.PageRequest;
import de.kim.platform.web.RequestActorResolver;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** What is due (Wiedervorlagen): open follow-ups due by a day, per case manager, a page at a time. */
@Audited(item = "caseId")
@RestController
public class FollowUpController implements WorkBasketApiDocs {

    /** What the follow-ups sort by, the default first: the longest overdue leads. */
    static final List<String> SORTABLE = List.of("dueOn", "assignee");

    private final QueryGateway queries;
    private final RequestActorResolver actors;
    private final Clock clock;

    public FollowUpController(QueryGateway queries, RequestActorResolver actors, Clock clock) {
        this.queries = queries;
        this.actors = actors;
        this.clock = clock;
    }

    @GetMapping("/api/follow-ups")
    public ListPage<FollowUpEntry> due(@RequestParam(required = false) String assignee,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBy,
                                       @RequestParam(required = false) String page,
                                       @RequestParam(required = false) String size,
                                       @RequestParam(required = false) String sort) {
        PageRequest paging = ListPaging.of(page, size, sort, SORTABLE, false);
        Actor actor = actors.require();
        String tenant = actor.tenant().value();
        if (!actor.has(Role.CASE_MANAGEMENT_LEAD)) {
            assignee = actor.userId();
        } else if (assignee != null && assignee.isBlank()) {
            assignee = null;
        }
        FollowUpPage found = queries.query(new FindDueFollowUpsQuery(tenant, assignee,
                dueBy == null ? LocalDate.now(clock) : dueBy, paging), ResponseTypes.instanceOf(FollowUpPage.class)).join();
        return new ListPage<>(found.entries(), found.total(), paging.number(), paging.size());
    }
}
