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

    /** A countable event of the immigration office is counted the first time it is saved (keyed by the event's id). */
    @Override
    public void save(Facts.Fact fact) {
        if (fact instanceof Facts.EventFact e && find(Facts.EventFact.class, e.id()) == null) {
            counts.apply(e.id(), FigureCounts.of(e));
        }
        mongo.save(fact);
    }

    @Override
    public boolean counts() {
        return true;
    }

    /** The counts first: should the fact's write be lost, the event comes again and finds them applied. */
    @Override
    public void saveCounted(Facts.Fact fact, FigureCounts before, String changeId) {
        counts.apply(changeId, FigureCounts.of(fact).minus(before));
        mongo.save(fact);
    }

    @Override
    public boolean insertIfAbsent(Facts.Fact fact) {
        FigureCounts added = FigureCounts.of(fact);
        if (!added.isEmpty()) {
            if (find(fact.getClass(), fact.factId()) != null) {
                return false;
            }
            String change = fact instanceof Facts.CaseFact c ? String.valueOf(c.lastSequence) : "added";
            counts.apply(fact.factId() + "@" + change, added);
        }
        try {
            mongo.insert(fact);
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }
}
