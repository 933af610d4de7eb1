package de.kim.immigration.query;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Reads the records a candidate list screens, batch by batch in the order of their ids: open, not erased, of the
 * tenant. A batch is at most {@link #MAX_BATCH} documents, so a list over a whole Kommune never holds every record.
 */
@Component
public class ScreenableRecords {

    public static final int MAX_BATCH = 500;

    private final MongoTemplate mongo;

    public ScreenableRecords(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    List<ResidenceRecordView> handle(FindScreenableRecordsQuery query) {
        Criteria criteria = Criteria.where("tenant").is(query.tenant()).and("closedOn").is(null)
                .and("erasedOn").is(null);
        if (query.afterId() != null) {
            criteria = criteria.and("_id").gt(query.afterId());
        }
        return mongo.find(Query.query(criteria).with(Sort.by("_id")).limit(Math.min(query.limit(), MAX_BATCH)),
                ResidenceRecordView.class);
    }
}
