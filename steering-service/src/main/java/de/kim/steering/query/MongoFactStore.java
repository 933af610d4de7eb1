package de.kim.steering.query;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Facts in a MongoDB database: the live read model. */
public class MongoFactStore implements FactStore {

    private final MongoTemplate mongo;

    public MongoFactStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public <T extends Facts.Fact> T find(Class<T> type, String id) {
        return mongo.findById(id, type);
    }

    @Override
    public void save(Facts.Fact fact) {
        mongo.save(fact);
    }

    @Override
    public boolean insertIfAbsent(Facts.Fact fact) {
        try {
            mongo.insert(fact);
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }
}
