package de.kim.cases.query;

import de.kim.cases.query.CaseQueries.FindCaseFileQuery;
import de.kim.cases.query.CaseQueries.FindCasesQuery;
import de.kim.cases.query.CaseQueries.FindDueFollowUpsQuery;
import de.kim.platform.readmodel.BoundedResults;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Answers the queries on the case files and the follow-up list, from their live database. */
@Component
public class CaseFileQueries {

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
    List<CaseFile> handle(FindCasesQuery query) {
        Criteria criteria = Criteria.where("tenant").is(query.tenant());
        if (query.status() != null) {
            criteria = criteria.and("status").is(query.status());
        }
        if (query.town() != null) {
            // Files written before the town was kept apart from the client hold it only there.
            criteria = criteria.orOperator(Criteria.where("town").is(query.town()),
                    Criteria.where("client.town").is(query.town()));
        }
        if (query.assignee() != null) {
            criteria = criteria.and("assignee").is(query.assignee());
        }
        return BoundedResults.find(database.template(), Query.query(criteria).with(Sort.by("openedOn", "id")), CaseFile.class);
    }

    @QueryHandler
    List<FollowUpEntry> handle(FindDueFollowUpsQuery query) {
        Criteria criteria = Criteria.where("tenant").is(query.tenant()).and("completedOn").is(null)
                .and("dueOn").lte(query.dueBy());
        if (query.assignee() != null) {
            criteria = criteria.and("assignee").is(query.assignee());
        }
        return BoundedResults.find(database.template(), Query.query(criteria).with(Sort.by("dueOn", "caseId")), FollowUpEntry.class);
    }
}
