package de.kim.partners.query;

import de.kim.platform.readmodel.ReadModelDatabase;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * A client was erased in case management: the inboxes drop what they show of them. The
 * partner's events hold the client's data only sealed with the (now shredded) key, so a
 * rebuild of the inboxes leads to the same result. Idempotent.
 */
@Component
public class ClientErasures {

    private final ReadModelDatabase database;

    public ClientErasures(ReadModelDatabase database) {
        this.database = database;
    }

    public void forget(String tenant, String caseId) {
        mongo().updateMulti(Query.query(Criteria.where("tenant").is(tenant).and("caseId").is(caseId)),
                new Update().set("client", null).set("note", null).set("comment", null).set("sharedCategories", List.of()),
                InboxReferral.class);
    }

    private MongoTemplate mongo() {
        return database.template();
    }
}
