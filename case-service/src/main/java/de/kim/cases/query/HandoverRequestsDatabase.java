package de.kim.cases.query;

import com.mongodb.client.MongoClient;
import de.kim.cases.query.HandoverRequests.HandoverRequest;
import de.kim.platform.readmodel.ReadModelDatabase;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The database of the hand-over requests; a rebuild switches it. */
@Component
public class HandoverRequestsDatabase extends ReadModelDatabase {

    public static final String READ_MODEL = "handover-requests";

    public HandoverRequestsDatabase(MongoClient client, MongoTemplate home) {
        super(client, home, READ_MODEL, HandoverRequest.class);
    }
}
