package de.kim.steering.query;

import com.mongodb.client.MongoCollection;
import de.kim.platform.readmodel.PipelinedInserts;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Facts in memory, for a rebuild: replaying the topics touches each fact many times, and
 * memory takes that at the speed of a map; the result goes to the database in bulk once, with
 * the figures counted from the cases it ends with.
 */
public class MemoryFactStore implements FactStore {

    private static final int BATCH = 2_000;

    private final Map<Class<?>, Map<String, Facts.Fact>> facts = new HashMap<>();

    @Override
    public <T extends Facts.Fact> T find(Class<T> type, String id) {
        return type.cast(facts.getOrDefault(type, Map.of()).get(id));
    }

    @Override
    public void save(Facts.Fact fact) {
        facts.computeIfAbsent(fact.getClass(), k -> new LinkedHashMap<>()).put(fact.factId(), fact);
    }

    @Override
    public boolean counts() {
        return false;
    }

    @Override
    public void saveCounted(Facts.Fact fact, FigureCounts before, String changeId) {
        save(fact);
    }

    @Override
    public boolean insertIfAbsent(Facts.Fact fact) {
        return facts.computeIfAbsent(fact.getClass(), k -> new LinkedHashMap<>()).putIfAbsent(fact.factId(), fact) == null;
    }

    public long size() {
        return facts.values().stream().mapToLong(Map::size).sum();
    }

    /** Inserts every fact into the (empty) database of the template, in unordered batches. */
    public void writeTo(MongoTemplate mongo) {
        FactDocuments documents = new FactDocuments(mongo.getConverter());
        try (PipelinedInserts inserts = new PipelinedInserts()) {
            facts.forEach((type, byId) -> {
                MongoCollection<Document> collection = mongo.getCollection(mongo.getCollectionName(type));
                List<Document> batch = new ArrayList<>(BATCH);
                for (Facts.Fact fact : byId.values()) {
                    batch.add(documents.of(fact));
                    if (batch.size() == BATCH) {
                        inserts.insert(collection, batch);
                        batch = new ArrayList<>(BATCH);
                    }
                }
                inserts.insert(collection, batch);
            });
        }
        new FigureCountStore(mongo).writeAll(facts.values().stream().flatMap(byId -> byId.values().stream()).toList());
    }
}
