package de.kim.cases.query;

import com.mongodb.client.MongoClient;
import de.kim.platform.readmodel.ReadModelDatabase;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The database of the work baskets, with their position; a rebuild switches it. */
@Component
public class WorkBasketDatabase extends ReadModelDatabase {

    public static final String READ_MODEL = "work-basket";

    public WorkBasketDatabase(MongoClient client, MongoTemplate home) {
        super(client, home, READ_MODEL, WorkBasketItem.class, WorkBasketProjection.CaseManager.class);
    }
}
