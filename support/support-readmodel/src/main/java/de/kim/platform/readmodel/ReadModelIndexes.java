package de.kim.platform.readmodel;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.index.IndexResolver;

/**
 * The indexes a read model's queries need on MongoDB, declared on its document class
 * ({@code @CompoundIndex}, next to the fields they cover) and created here: when the service
 * starts, and again after a replay dropped the collection. The queries users wait for filter by
 * tenant first, so their indexes start with it; the few that work across tenants (the retention
 * job, updates by case or partner id) have their own. The embedded Mongo-wire server accepts
 * them and ignores them.
 */
public final class ReadModelIndexes {

    private ReadModelIndexes() {
    }

    /** Creates the declared indexes of each document class that are not there yet. */
    public static void ensure(MongoTemplate mongo, Class<?>... documentClasses) {
        IndexResolver resolver = IndexResolver.create(mongo.getConverter().getMappingContext());
        for (Class<?> documentClass : documentClasses) {
            IndexOperations indexes = mongo.indexOps(documentClass);
            resolver.resolveIndexFor(documentClass).forEach(indexes::createIndex);
        }
    }

    /** Empties a read model for a replay: drops its collection and creates its indexes again. */
    public static void dropAndRecreate(MongoTemplate mongo, Class<?> documentClass) {
        mongo.dropCollection(documentClass);
        ensure(mongo, documentClass);
    }
}
