package de.kim.immigration.query;

import de.kim.platform.readmodel.ReadModelDatabase;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Answers the paged, filtered list of residence records from the read model: the search matches
 * blind-index tokens only ({@code BlindIndex}, keys of {@code RecordSearchIndex}), never a name or Aktenzeichen in plain text.
 * Pages are in a stable order (the record id), as names cannot be sorted on.
 */
@Component
class ResidenceRecordList {

    private final ReadModelDatabase database;

    ResidenceRecordList(ReadModelDatabase database) {
        this.database = database;
    }

    @QueryHandler
    FindRecordsQuery.RecordPage handle(FindRecordsQuery query) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where("tenant").is(query.tenant()));
        if (query.statusType() != null) {
            all.add(Criteria.where("currentStatus").is(query.statusType()));
        }
        if (query.officer() != null) {
            all.add(Criteria.where("officer").is(query.officer()));
        }
        if (query.expiringUntil() != null) {
            all.add(new Criteria().orOperator(
                    Criteria.where("currentValidUntil").gte(query.today()).lte(query.expiringUntil()),
                    Criteria.where("chancenClockEndsOn").gte(query.today()).lte(query.expiringUntil())));
        }
        Criteria byWords = query.tokens().isEmpty() ? null : Criteria.where("searchTokens").all(query.tokens());
        Criteria byFileNumber = query.fileNumberToken() == null ? null
                : Criteria.where("searchTokens").is(query.fileNumberToken());
        if (byWords != null && byFileNumber != null) {
            all.add(new Criteria().orOperator(byWords, byFileNumber));
        } else if (byWords != null || byFileNumber != null) {
            all.add(byWords != null ? byWords : byFileNumber);
        }
        Query filter = Query.query(new Criteria().andOperator(all.toArray(Criteria[]::new)));
        long total = database.template().count(filter, ResidenceRecordView.class);
        Sort.Direction direction = query.descending() ? Sort.Direction.DESC : Sort.Direction.ASC;
        Query page = Query.of(filter).with(Sort.by(direction, query.sortField()).and(Sort.by(direction, "_id")))
                .skip((long) query.page() * query.size()).limit(query.size());
        return new FindRecordsQuery.RecordPage(database.template().find(page, ResidenceRecordView.class), total);
    }
}
