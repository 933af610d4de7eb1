package de.kim.local;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * mongo-java-server's H2 backend, with every read holding on to the store version it reads.
 *
 * <p>The plain backend walks a collection's map without telling the MVStore. Once five newer
 * versions are committed (by writes to any read model, or by the store compacting its file),
 * H2 frees the chunks of the version a long read is still walking, and the read fails with
 * "Chunk … not found"; H2 then closes the whole store. A read here registers its version
 * ({@link MVStore#registerVersionUsage()}), as H2's own transactions do, so its chunks stay
 * until it is done.
 */
final class VersionPinningH2Backend extends H2Backend {

    /** The names under which the plain backend keeps a collection's maps, so existing files open as they are. */
    private static final String DATA_MAP = "databases.";
    private static final String META_MAP = "meta.";

    VersionPinningH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /** An inner class: H2Database's constructor opens the collections, before a field of this class could be set. */
    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> dataMap = getMvStore().openMap(DATA_MAP + fullName);
            MVMap<String, Object> metaMap = getMvStore().openMap(META_MAP + fullName);
            return new Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
        }
    }

    private static final class Collection extends H2Collection {

        private final MVStore store;

        Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                   MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
            super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
            this.store = dataMap.getStore();
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            return pinned(() -> super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector));
        }

        @Override
        protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
            return pinned(() -> super.streamAllDocumentsWithPosition().toList()).stream();
        }

        private <T> T pinned(Supplier<T> read) {
            MVStore.TxCounter version = store.registerVersionUsage();
            try {
                return read.get();
            } finally {
                store.deregisterVersionUsage(version);
            }
        }
    }
}
