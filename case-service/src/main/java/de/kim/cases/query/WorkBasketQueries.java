package de.kim.cases.query;

import de.kim.cases.api.WorkItemKind;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Answers the queries on the work baskets: a page of a case manager's open items due by a day, each
 * with its client's name and, for a follow-up, its subject, read from the case files.
 */
@Component
public class WorkBasketQueries {

    private final WorkBasketDatabase baskets;
    private final CaseFileDatabase caseFiles;

    public WorkBasketQueries(WorkBasketDatabase baskets, CaseFileDatabase caseFiles) {
        this.baskets = baskets;
        this.caseFiles = caseFiles;
    }

    /** The open items of a case manager's work basket that show on {@code today}, one page of them. */
    public record FindWorkBasketQuery(String tenant, String assignee, LocalDate today, int page, int size) {
    }

    /** One open item of a tenant's work baskets. */
    public record FindWorkItemQuery(String tenant, String itemId) {
    }

    /**
     * An item as the work basket shows it: with the case's Aktenzeichen (null for a case opened before
     * there were numbers), the client's name (null once erased) and a follow-up's subject.
     */
    public record Entry(WorkBasketItem item, String caseNumber, String clientName, String subject) {
    }

    /** A page of a work basket, and how many items it has in all. */
    public record WorkBasketPage(List<Entry> items, long total) {
    }

    @QueryHandler
    WorkBasketPage handle(FindWorkBasketQuery query) {
        Criteria open = Criteria.where("tenant").is(query.tenant()).and("assignee").is(query.assignee())
                .and("done").is(false).and("showFrom").lte(query.today());
        long total = baskets.template().count(Query.query(open), WorkBasketItem.class);
        List<WorkBasketItem> items = baskets.template().find(Query.query(open)
                .with(Sort.by("dueOn", "_id")).skip((long) query.page() * query.size()).limit(query.size()),
                WorkBasketItem.class);
        Map<String, CaseFile> files = caseFiles.template().find(Query.query(Criteria.where("_id")
                        .in(items.stream().map(WorkBasketItem::caseId).distinct().toList())
                        .and("tenant").is(query.tenant())), CaseFile.class).stream()
                .collect(Collectors.toMap(f -> f.id, Function.identity()));
        return new WorkBasketPage(items.stream().map(item -> entry(item, files.get(item.caseId()))).toList(), total);
    }

    @QueryHandler
    Optional<WorkBasketItem> handle(FindWorkItemQuery query) {
        return Optional.ofNullable(baskets.template().findOne(Query.query(Criteria.where("_id").is(query.itemId())
                .and("tenant").is(query.tenant()).and("done").is(false)), WorkBasketItem.class));
    }

    private static Entry entry(WorkBasketItem item, CaseFile file) {
        String name = file == null || file.client == null ? null
                : file.client.familyName() + ", " + file.client.givenName();
        String subject = file == null || item.kind() != WorkItemKind.FOLLOW_UP ? null : file.followUps.stream()
                .filter(f -> f.id().equals(item.detail())).map(CaseFile.FollowUp::subject).findFirst().orElse(null);
        return new Entry(item, file == null ? null : file.caseNumber, name, subject);
    }
}
