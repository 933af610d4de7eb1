package de.kim.steering.query;

import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Facts in memory, for a rebuild: replaying the topics touches each fact many times, and
 * memory takes that at the speed of a map; the result goes to the database in bulk once.
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

    public long size() {
        return facts.values().stream().mapToLong(Map::size).sum();
    }

    /** Inserts every fact into the (empty) database of the template, in batches. */
    public void writeTo(MongoTemplate mongo) {
        facts.forEach((type, byId) -> {
            List<Facts.Fact> batch = new ArrayList<>(BATCH);
            for (Facts.Fact fact : byId.values()) {
                batch.add(fact);
                if (batch.size() == BATCH) {
                    mongo.insert(batch, type);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                mongo.insert(batch, type);
            }
        });
    }
}
