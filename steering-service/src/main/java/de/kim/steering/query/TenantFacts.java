package de.kim.steering.query;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts of one tenant, read from the database at most once per kind: a report or an
 * action plan computes many figures from the same facts, and each should not read them again.
 * Short-lived: one per request or publication.
 */
public final class TenantFacts {

    private final String tenant;
    private final MongoTemplate mongo;
    private final Map<Kind, List<?>> loaded = new HashMap<>();
    private final Map<String, Object> computed = new HashMap<>();

    TenantFacts(String tenant, MongoTemplate mongo) {
        this.tenant = tenant;
        this.mongo = mongo;
    }

    public String tenant() {
        return tenant;
    }

    <T> List<T> of(Class<T> type) {
        return of(type, null);
    }

    /** The facts of one kind, only those of one town where it is given (chosen by the database). */
    @SuppressWarnings("unchecked")
    <T> List<T> of(Class<T> type, String town) {
        return (List<T>) loaded.computeIfAbsent(new Kind(type, town), kind -> {
            Criteria criteria = Criteria.where("tenant").is(tenant);
            if (town != null) {
                criteria = criteria.and("town").is(town);
            }
            return mongo.find(Query.query(criteria), type);
        });
    }

    /** The counted figures of the database these facts come from. */
    FigureCountStore counts() {
        return new FigureCountStore(mongo);
    }

    /** A result computed once per request from these facts (e.g. the protected tables of a year). */
    @SuppressWarnings("unchecked")
    <T> T cached(String name, java.util.function.Supplier<T> compute) {
        T value = (T) computed.get(name);
        if (value == null) {
            value = compute.get();
            computed.put(name, value);
        }
        return value;
    }

    private record Kind(Class<?> type, String town) {
    }
}
