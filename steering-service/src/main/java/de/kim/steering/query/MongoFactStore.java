package de.kim.steering.query;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Facts in a MongoDB database, the live read model, with their counted figures ({@link FigureCountStore}). */
public class MongoFactStore implements FactStore {

    private final MongoTemplate mongo;
    private final FigureCountStore counts;

    public MongoFactStore(MongoTemplate mongo) {
        this.mongo = mongo;
        this.counts = new FigureCountStore(mongo);
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
    public boolean counts() {
        return true;
    }

    /** The counts first: should the fact's write be lost, the event comes again and finds them applied. */
    @Override
    public void saveCase(Facts.CaseFact fact, FigureCounts before, String changeId) {
        counts.apply(changeId, FigureCounts.of(fact).minus(before));
        mongo.save(fact);
    }

    @Override
    public boolean insertIfAbsent(Facts.Fact fact) {
        if (fact instanceof Facts.CaseFact c) {
            if (find(Facts.CaseFact.class, c.id) != null) {
                return false;
            }
            counts.apply(c.id + "@" + c.lastSequence, FigureCounts.of(c));
        }
        try {
            mongo.insert(fact);
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }
}
