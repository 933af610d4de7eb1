package de.kim.local;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.DataType;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * mongo-java-server's H2 backend, with reads that work as MongoDB's do: on a snapshot, and
 * without holding up the writers of the collection.
 *
 * <ul>
 * <li><b>A read holds on to the store version it reads.</b> The plain backend walks a
 * collection's map without telling the MVStore. Once five newer versions are committed (by
 * writes to any read model, or by the store compacting its file), H2 frees the chunks of the
 * version a long read is still walking: "Chunk … not found", and H2 closes the store. Here a
 * read registers its version ({@link MVStore#registerVersionUsage()}), as H2's own
 * transactions do.</li>
 * <li><b>A find does not lock the collection.</b> The plain backend runs every operation of a
 * collection under one lock, so a full read of a large read model (steering's facts) held up
 * every write to it for as long as the read took. A find here reads the map's snapshot, which
 * H2 keeps unchanged; writes still take the lock among themselves.</li>
 * <li><b>A write never changes a stored document in place</b> (the plain backend's update
 * does), so a read sees each document either before or after a write, never half-way: the
 * documents a write works on are copies.</li>
 * <li><b>A write is answered once it is durable</b>: committed to the file and the file synced,
 * with writers that arrive together sharing one sync ({@link DurableCommits}). The plain backend
 * answers from memory and leaves the commit to H2's background writer, about a second later: a
 * SIGKILL in between lost writes the clients had been told were made. A write that asks for
 * no journal ({@code j: false}) is answered from memory, as MongoDB answers it.</li>
 * <li><b>Each database has a store of its own</b> ({@link DatabaseStores}), so a commit writes
 * the changed pages of one database only.</li>
 * <li><b>Unique indexes compare their keys directly</b> ({@link UniqueIndexKeys}), where the
 * plain backend Java-serializes both keys of every comparison. Their maps have names of their
 * own; an index map of the plain backend is copied into one once, when its database opens.</li>
 * <li><b>Documents are stored as BSON</b> ({@link StoredDocuments}), where the plain backend
 * Java-serializes them; documents it wrote are read as they are.</li>
 * <li><b>Non-unique indexes are kept and used</b> ({@link SecondaryIndex}, {@link IndexedQuery}),
 * where the plain backend ignores them and every find reads the whole collection. A count as the
 * driver sends it (an aggregation) is answered as a count ({@link CountPipeline}).</li>
 * </ul>
 * Files of the plain backend are read as they are.
 */
final class SnapshotReadH2Backend extends H2Backend {

    /** The infix of the plain backend's index maps, and of this backend's ({@code <database>.<collection><infix><index>}). */
    private static final String PLAIN_INDEX = "._index_";
    private static final String KEYED_INDEX = "._keys_";
    private static final String SECONDARY_INDEX = "._secondary_";

    /**
     * Commands that never change the store: answered at once. Every other command (insert, update,
     * delete, findAndModify, createIndexes, drop, dropDatabase, create, and any the server may add)
     * waits for a durable commit before its answer, whether it succeeded or not.
     */
    private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "listcollections",
            "listindexes", "listdatabases", "hello", "ismaster", "ping", "buildinfo", "serverstatus", "killcursors",
            "endsessions", "getlasterror", "getlog", "dbstats", "collstats", "connectionstatus", "whatsmyuri",
            "getparameter", "getcmdlineopts", "hostinfo", "currentop", "explain", "saslstart", "saslcontinue",
            "getfreemonitoringstatus", "replsetgetstatus", "startsession");

    /** While the plain backend's constructor opens the shared store's databases: this backend's stores. */
    private static final ThreadLocal<DatabaseStores> CONSTRUCTING = new ThreadLocal<>();

    private DatabaseStores stores;
    /*
     * Set when the first database opens, in the constructor of the plain backend (before this class's
     * field initializers run): the documents read by finds and counts, through an index or by a scan
     * (for tests that check an index is used).
     */
    private LongAdder documentsRead;

    SnapshotReadH2Backend(DatabaseStores stores) {
        super(constructing(stores));
        CONSTRUCTING.remove();
        this.stores = stores;
        stores.ownDatabases().forEach(this::resolveDatabase);
    }

    private static MVStore constructing(DatabaseStores stores) {
        CONSTRUCTING.set(stores);
        return stores.shared().mvStore();
    }

    private DatabaseStores stores() {
        return stores != null ? stores : CONSTRUCTING.get();
    }

    private LongAdder reads() {
        if (documentsRead == null) {
            documentsRead = new LongAdder();
        }
        return documentsRead;
    }

    long documentsRead() {
        return reads().sum();
    }

    DatabaseStores databaseStores() {
        return stores;
    }

    /** Closes every store, each after its last write: no index needs building when it opens again. */
    @Override
    public void close() {
        stores.close();
        super.close();
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (command.equalsIgnoreCase("hello")) {
            // MongoDB 4.4.2 renamed isMaster to hello, and Spring Boot's health check asks hello:
            // the backend knows only the old name, so a service would report DOWN while serving.
            return super.handleCommand(channel, databaseName, "isMaster", query);
        }
        if (command.equalsIgnoreCase("dropDatabase")) {
            DatabaseStores.Store own = stores.detach(databaseName);
            Document answer = super.handleCommand(channel, databaseName, command, query);
            stores.dropped(own);
            return answer;
        }
        boolean write = writes(command, query) && journaled(query);
        if (command.equalsIgnoreCase("aggregate")) {
            Document counted = CountPipeline.answer(this, databaseName, query);
            if (counted != null) {
                return counted;
            }
        }
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            if (write) {
                stores.existing(databaseName).commits().awaitDurable();
            }
        }
    }

    /**
     * Whether a write asks to be durable before its answer: every write, unless its write concern says
     * {@code j: false} (as a rebuild's bulk load into its fresh database does). As MongoDB does, such a
     * write is answered once it is made in memory; it becomes durable with the next commit of its
     * database's store: H2's background writer (about a second later) or the next durable write.
     */
    private static boolean journaled(Document query) {
        return !(query.get("writeConcern") instanceof Document concern && Boolean.FALSE.equals(concern.get("j")));
    }

    private static boolean writes(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (name.equals("aggregate")) {
            return query.get("pipeline") instanceof List<?> stages && stages.stream()
                    .anyMatch(stage -> stage instanceof Document d && (d.containsKey("$out") || d.containsKey("$merge")));
        }
        return !READS.contains(name);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    @SuppressWarnings("unchecked")
    private static DataType<Document> documents() {
        return (DataType<Document>) (DataType<?>) StoredDocuments.TYPE;
    }

    /** An inner class: H2Database's constructor opens the collections, before a field of this class could be set. */
    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, stores().of(databaseName).mvStore(), getCursorRegistry());
        }

        /*
         * Its store, found when first needed (in the constructor of the plain backend's database, before
         * field initializers run: so none here) and kept, so that a drop works on the store it had.
         */
        private DatabaseStores.Store own;

        private DatabaseStores.Store own() {
            if (own == null) {
                own = stores().of(getDatabaseName());
            }
            return own;
        }

        private MVStore store() {
            return own().mvStore();
        }

        private IndexCatalog catalog() {
            return own().catalog();
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> dataMap = store().openMap(DatabaseStores.DATA_MAP + fullName,
                    new MVMap.Builder<Object, Document>().valueType(documents()));
            MVMap<String, Object> metaMap = store().openMap(DatabaseStores.META_MAP + fullName);
            return new SnapshotCollection(this, collectionName, options, dataMap, metaMap, cursorRegistry, reads());
        }

        /** A non-unique index: kept in a map of its own, built when the catalog does not know it complete. */
        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                           boolean sparse) {
            SnapshotCollection collection = (SnapshotCollection) resolveCollection(collectionName, true);
            MVMap<IndexEntries.Entry, Boolean> map = store().openMap(
                    getFullCollectionNamespace(collectionName) + SECONDARY_INDEX + indexName,
                    new MVMap.Builder<IndexEntries.Entry, Boolean>()
                            .keyType(new IndexEntries(SecondaryIndex.ascending(keys)))
                            .valueType(SecondaryIndex.Present.TYPE));
            return new SecondaryIndex(indexName, keys, map, catalog(), collection);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            MVStore store = store();
            String name = getFullCollectionNamespace(collectionName) + KEYED_INDEX + indexName;
            boolean created = !store.hasMap(name);
            MVMap<KeyValue, Object> map = store.openMap(name,
                    new MVMap.Builder<KeyValue, Object>().keyType(UniqueIndexKeys.TYPE));
            String plain = getFullCollectionNamespace(collectionName) + PLAIN_INDEX + indexName;
            if (created && store.hasMap(plain)) {
                // Committed with the next write: until then, a restart finds the plain map and copies again.
                MVMap<KeyValue, Object> before = store.openMap(plain);
                before.forEach(map::put);
                store.removeMap(before);
            }
            return new UniqueIndexMap(map, indexName, keys, sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            List<SecondaryIndex> secondaries = List.copyOf(((SnapshotCollection) collection).secondaries());
            super.dropIndex(collection, indexName);
            for (SecondaryIndex secondary : secondaries) {
                if (secondary.getName().equals(indexName)) {
                    secondary.forget();
                    store().removeMap(secondary.map());
                }
            }
            store().removeMap(collection.getFullName() + KEYED_INDEX + indexName);
        }

        @Override
        public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
            if (stores().of(oldDatabase.getDatabaseName()).mvStore() != store()) {
                throw new MongoServerException("renaming a collection into another database is not supported here");
            }
            String before = collection.getFullName() + KEYED_INDEX;
            super.moveCollection(oldDatabase, collection, newCollectionName);
            String after = getFullCollectionNamespace(newCollectionName) + KEYED_INDEX;
            MVStore store = store();
            for (SecondaryIndex secondary : ((SnapshotCollection) collection).secondaries()) {
                store.renameMap(secondary.map(),
                        getFullCollectionNamespace(newCollectionName) + SECONDARY_INDEX + secondary.getName());
            }
            for (String name : List.copyOf(store.getMapNames())) {
                if (name.startsWith(before)) {
                    store.renameMap(store.openMap(name, new MVMap.Builder<KeyValue, Object>().keyType(UniqueIndexKeys.TYPE)),
                            after + name.substring(before.length()));
                }
            }
        }
    }
}
