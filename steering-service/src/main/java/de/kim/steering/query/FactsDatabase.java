package de.kim.steering.query;

import de.kim.platform.readmodel.ReadModelIndexes;
import com.mongodb.client.MongoClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Which MongoDB database holds the live facts. A rebuild fills a fresh database while queries
 * go on reading the live one, then switches over in one step; the choice is kept in the
 * service's own database, so it survives a restart.
 */
@Component
public class FactsDatabase {

    private static final String META = "steering_meta";

    private final MongoClient client;
    private final MongoTemplate home;
    private final String homeName;
    private final AtomicReference<MongoTemplate> live = new AtomicReference<>();

    public FactsDatabase(MongoClient client, MongoTemplate home,
                         @Value("${spring.data.mongodb.database}") String homeName) {
        this.client = client;
        this.home = home;
        this.homeName = homeName;
    }

    /** The template of the live facts. */
    public MongoTemplate template() {
        return live.updateAndGet(current -> current != null ? current : indexed(activeName()));
    }

    public FactStore store() {
        return new MongoFactStore(template());
    }

    public String activeName() {
        Active active = home.findById("active", Active.class, META);
        return active == null ? homeName : active.database();
    }

    /** A template on a database of its own, for a rebuild to fill. */
    public MongoTemplate fresh(String suffix) {
        return indexed(homeName + "-" + suffix);
    }

    private MongoTemplate indexed(String database) {
        MongoTemplate template = new MongoTemplate(client, database);
        ReadModelIndexes.ensure(template, Facts.DOCUMENTS);
        return template;
    }

    /** Makes the given database the live one and drops the one before, unless it is the service's home. */
    public void switchTo(MongoTemplate rebuilt) {
        String previous = activeName();
        home.upsert(Query.query(Criteria.where("_id").is("active")),
                new Update().set("database", rebuilt.getDb().getName()), META);
        live.set(rebuilt);
        if (!previous.equals(homeName) && !previous.equals(rebuilt.getDb().getName())) {
            client.getDatabase(previous).drop();
        }
    }

    /** The record of which database is live. */
    record Active(String id, String database) {
    }
}
