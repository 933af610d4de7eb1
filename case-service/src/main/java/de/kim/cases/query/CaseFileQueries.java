package de.kim.cases.query;

import de.kim.cases.query.CaseQueries.CaseFilePage;
import de.kim.cases.query.CaseQueries.CaseFilter;
import de.kim.cases.query.CaseQueries.FindCaseFileQuery;
import de.kim.cases.query.CaseQueries.FindCaseHeadQuery;
import de.kim.cases.query.CaseQueries.FindCasesQuery;
import de.kim.cases.query.CaseQueries.FindDueFollowUpsQuery;
import de.kim.cases.query.CaseQueries.FindOpenCasesOfPersonQuery;
import de.kim.cases.query.CaseQueries.FollowUpPage;
import de.kim.platform.readmodel.BoundedResults;
import de.kim.platform.web.PageRequest;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Answers the queries on the case files and the follow-up list, from their live database. The
 * lists people page through are counted and read one page at a time; every other list is bounded
 * ({@link BoundedResults}).
 */
@Component
public class CaseFileQueries {

    /**
     * What a row of the case list shows ({@code CaseSummary}): a whole file (needs, plan, referrals,
     * follow-ups) took four fifths of a list page's reading and mapping in case-service.
     */
    private static final String[] LIST_ROW_FIELDS = {"tenant", "caseNumber", "client.givenName", "client.familyName",
            "client.town", "town", "targetGroup", "assignee", "status", "openedOn", "version"};

    /** What the head of a case file holds ({@link FindCaseHeadQuery}): a long case's whole file is some 100 kB. */
    private static final String[] HEAD_FIELDS = {"tenant", "assignee", "version", "erasedOn"};

    private final CaseFileDatabase database;

    public CaseFileQueries(CaseFileDatabase database) {
        this.database = database;
    }

    @QueryHandler
    Optional<CaseFile> handle(FindCaseFileQuery query) {
        return Optional.ofNullable(database.template().findOne(Query.query(Criteria.where("_id").is(query.caseId())
                .and("tenant").is(query.tenant())), CaseFile.class));
    }

    @QueryHandler
    Optional<CaseFile> handle(FindCaseHeadQuery query) {
        Query head = Query.query(Criteria.where("_id").is(query.caseId()).and("tenant").is(query.tenant()));
        head.fields().include(HEAD_FIELDS);
        return Optional.ofNullable(database.template().findOne(head, CaseFile.class));
    }

    @QueryHandler
    CaseFilePage handle(FindCasesQuery query) {
        Criteria criteria = criteria(query.tenant(), query.filter());
        MongoTemplate mongo = database.template();
        long total = mongo.count(Query.query(criteria), CaseFile.class);
        Sort.Direction direction = query.page().descending() ? Sort.Direction.DESC : Sort.Direction.ASC;
        // Among equal values the newer case number comes first when descending: the newest case leads.
        Sort order = Sort.by(direction, query.page().sort()).and(Sort.by(direction, "caseNumber", "_id"));
        Query page = paged(Query.query(criteria), query.page()).with(order);
        page.fields().include(LIST_ROW_FIELDS);
        return new CaseFilePage(mongo.find(page, CaseFile.class), total);
    }

    @QueryHandler
    List<CaseFile> handle(FindOpenCasesOfPersonQuery query) {
        return BoundedResults.find(database.template(), Query.query(Criteria.where("tenant").is(query.tenant())
                .and("searchTokens").is(query.personToken()).and("status").is("OPEN"))
                .with(Sort.by("openedOn", "caseNumber")), CaseFile.class);
    }

    @QueryHandler
    FollowUpPage handle(FindDueFollowUpsQuery query) {
        Criteria criteria = Criteria.where("tenant").is(query.tenant()).and("completedOn").is(null)
                .and("dueOn").lte(query.dueBy());
        if (query.assignee() != null) {
            criteria = criteria.and("assignee").is(query.assignee());
        }
        MongoTemplate mongo = database.template();
        long total = mongo.count(Query.query(criteria), FollowUpEntry.class);
        Sort.Direction direction = query.page().descending() ? Sort.Direction.DESC : Sort.Direction.ASC;
        Sort order = Sort.by(direction, query.page().sort()).and(Sort.by(direction, "caseId", "_id"));
        return new FollowUpPage(mongo.find(paged(Query.query(criteria), query.page()).with(order), FollowUpEntry.class),
                total);
    }

    private static Criteria criteria(String tenant, CaseFilter filter) {
        Criteria criteria = Criteria.where("tenant").is(tenant);
        if (filter.status() != null) {
            criteria = criteria.and("status").is(filter.status());
        }
        if (filter.town() != null) {
            // Files written before the town was kept apart from the client hold it only there.
            criteria = criteria.orOperator(Criteria.where("town").is(filter.town()),
                    Criteria.where("client.town").is(filter.town()));
        }
        if (filter.assignee() != null) {
            criteria = criteria.and("assignee").is(filter.assignee());
        }
        if (filter.targetGroup() != null) {
            criteria = criteria.and("targetGroup").is(filter.targetGroup());
        }
        if (filter.followUpDueBy() != null) {
            criteria = criteria.and("followUps").elemMatch(Criteria.where("completedOn").is(null)
                    .and("dueOn").lte(filter.followUpDueBy()));
        }
        if (filter.caseNumber() != null) {
            criteria = criteria.and("caseNumber").is(filter.caseNumber());
        }
        if (filter.searchTokens().size() == 1) {
            // an equality, which an index decides alone: a one-word search's total is counted from its entries
            criteria = criteria.and("searchTokens").is(filter.searchTokens().get(0));
        } else if (!filter.searchTokens().isEmpty()) {
            criteria = criteria.and("searchTokens").all(filter.searchTokens());
        }
        return criteria;
    }

    private static Query paged(Query query, PageRequest page) {
        return query.skip(page.offset()).limit(page.size());
    }
}
