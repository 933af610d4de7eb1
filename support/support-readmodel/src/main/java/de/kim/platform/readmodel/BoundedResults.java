package de.kim.platform.readmodel;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.util.List;

/**
 * Every list a request reads from a read model, bounded: at most {@link #MAX} documents are read
 * into the service's heap. A filter that matches more is refused with a problem (422) that asks
 * the user to narrow it, rather than answered with a cut-off list the user would take for the
 * whole (one unbounded list of 46,000 open cases ran case-service out of memory). Paging, once
 * there, keeps the same bound per page.
 */
public final class BoundedResults {

    /** The most documents one request reads from one read model. */
    public static final int MAX = 1_000;

    private BoundedResults() {
    }

    /** The documents the query finds, if they are at most {@link #MAX}; reads at most one more to know. */
    public static <T> List<T> find(MongoTemplate mongo, Query query, Class<T> type) {
        List<T> found = mongo.find(query.limit(MAX + 1), type);
        if (found.size() > MAX) {
            throw new TooManyResultsException(MAX);
        }
        return found;
    }
}
