package de.kim.steering.query;

import com.mongodb.client.MongoClient;
import de.kim.platform.readmodel.ReadModelDatabase;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Which MongoDB database holds the live facts and their offsets. A rebuild fills a fresh database
 * while queries go on reading the live one, then switches over in one step; the choice is kept in
 * the service's own database ({@code steering_meta}), so it survives a restart.
 */
@Component
public class FactsDatabase extends ReadModelDatabase {

    public static final String READ_MODEL = "facts";

    public FactsDatabase(MongoClient client, MongoTemplate home) {
        super(client, home, "steering_meta", "active", READ_MODEL, Facts.DOCUMENTS);
    }

    public FactStore store() {
        return new MongoFactStore(template());
    }
}
