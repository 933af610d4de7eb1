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
    private final Map<Class<?>, List<?>> loaded = new HashMap<>();

    TenantFacts(String tenant, MongoTemplate mongo) {
        this.tenant = tenant;
        this.mongo = mongo;
    }

    public String tenant() {
        return tenant;
    }

    @SuppressWarnings("unchecked")
    <T> List<T> of(Class<T> type) {
        return (List<T>) loaded.computeIfAbsent(type,
                t -> mongo.find(Query.query(Criteria.where("tenant").is(tenant)), t));
    }
}
