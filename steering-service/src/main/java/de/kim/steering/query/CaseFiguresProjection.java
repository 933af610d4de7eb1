package de.kim.steering.query;

import de.kim.contracts.cases.CaseOpened;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.format.DateTimeFormatter;

/**
 * Projects case events into {@link CaseFact}s. Each write is keyed by case id and guarded by
 * the event's sequence, so a redelivered or reordered event changes nothing.
 */
@Component
public class CaseFiguresProjection {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private final MongoTemplate mongo;

    public CaseFiguresProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void caseOpened(String tenant, long sequence, CaseOpened event) {
        // Only the first delivery inserts; a repeated one finds the fact and sets nothing.
        mongo.upsert(Query.query(Criteria.where("_id").is(factId(tenant, event.caseId()))), new Update()
                .setOnInsert("tenant", tenant)
                .setOnInsert("town", event.town())
                .setOnInsert("targetGroup", event.targetGroup())
                .setOnInsert("openedMonth", MONTH.format(event.openedOn()))
                .setOnInsert("status", "OPEN")
                .setOnInsert("lastSequence", sequence), CaseFact.class);
    }

    static String factId(String tenant, String caseId) {
        return tenant + ":" + caseId;
    }
}
