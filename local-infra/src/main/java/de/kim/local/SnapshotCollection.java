package de.kim.local;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RootReference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A collection of {@link SnapshotReadH2Backend}: finds read a snapshot without the collection's lock,
 * writers get copies, and non-unique indexes ({@link SecondaryIndex}) serve finds and counts
 * ({@link IndexedQuery}).
 *
 * <p>A find through an index reads the index and the documents as of one moment. Writes (under the
 * collection's lock) mark each document's change, from its first index change to its change in the
 * collection's map, by making a counter odd; a find takes the roots of both maps while the counter is
 * even and unchanged.
 */
final class SnapshotCollection extends H2Collection {

    /** A sorted page further in than this is sorted as the plain backend does. */
    private static final int MAX_PAGE_HELD = 100_000;

    private final MVStore store;
    private final MVMap<Object, Document> dataMap;
    private final LongAdder documentsRead;
    private final List<SecondaryIndex> secondaries = new CopyOnWriteArrayList<>();
    private final AtomicLong changes = new AtomicLong();

    SnapshotCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                       MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry,
                       LongAdder documentsRead) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        this.store = dataMap.getStore();
        this.dataMap = dataMap;
        this.documentsRead = documentsRead;
    }

    List<SecondaryIndex> secondaries() {
        return secondaries;
    }

    /** A find, without the collection's lock (the plain backend's {@code handleQuery}, unsynchronised). */
    @Override
    public QueryResult handleQuery(QueryParameters parameters) {
        Document selector = parameters.getQuerySelector();
        Document query = selector;
        Document orderBy = null;
        for (String wrapped : List.of("query", "$query")) {
            if (selector.containsKey(wrapped)) {
                query = (Document) selector.get(wrapped);
                orderBy = (Document) selector.get(wrapped.replace("query", "orderby"));
                break;
            }
        }
        return queryDocuments(query, orderBy, parameters.getNumberToSkip(), parameters.getLimit(),
                parameters.getBatchSize(), parameters.getProjection());
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                         int batchSize, Document fieldSelector) {
        QueryResult found = pinned(() -> {
            Object id = plainId(query);
            if (id != null) {
                return matchDocuments(query, List.of(id), orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            IndexedQuery.Plan plan = IndexedQuery.plan(query, orderBy, secondaries);
            if (plan == null) {
                return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            IndexedQuery.Candidates candidates = IndexedQuery.find(plan, view(plan.index()), orderBy, numberToSkip,
                    limit, document -> documentMatchesQuery(document, query));
            return matchDocumentsFromStream(candidates.documents(), query, orderBy,
                    numberToSkip - candidates.skipped(), limit, batchSize, fieldSelector);
        });
        if (!Thread.holdsLock(this)) {
            return found;
        }
        // A write (it holds the lock) changes the documents it found: let it change copies.
        List<Document> copies = new ArrayList<>();
        found.forEach(document -> copies.add(document.cloneDeeply()));
        return new QueryResult(copies, found.getCursorId());
    }

    /** A count from an index's entries where they decide the query; otherwise as a find would count. */
    @Override
    public int count(Document query, int skip, int limit) {
        Object id = query == null ? null : plainId(query);
        if (id != null) {
            Document document = getDocument(id);
            if (document != null) {
                documentsRead.increment();
            }
            return document != null && skip <= 0 && documentMatchesQuery(document, query) ? 1 : 0;
        }
        IndexedQuery.Plan plan = query == null ? null : IndexedQuery.plan(query, null, secondaries);
        Long counted = plan == null ? null : pinned(() -> IndexedQuery.count(plan, view(plan.index())));
        if (counted == null) {
            return super.count(query, skip, limit);
        }
        long count = Math.max(0, counted - Math.max(skip, 0));
        return (int) (limit > 0 ? Math.min(limit, count) : count);
    }

    /**
     * The {@code _id} a query fixes with other conditions beside it ({@code {_id, tenant}}): the
     * backend's map holds each document under its {@code _id}, so that one document is read and
     * matched. The plain backend's index on {@code _id} serves only a query on {@code _id} alone,
     * and a secondary index on the tenant would offer every document of the tenant.
     */
    private static Object plainId(Document query) {
        if (!query.containsKey("_id") && query.get("$and") instanceof List<?> all) {
            for (Object part : all) {
                Object id = part instanceof Document condition ? plainId(condition) : null;
                if (id != null) {
                    return id;
                }
            }
            return null;
        }
        Object id = query.get("_id");
        if (id instanceof Document operators && operators.size() == 1 && operators.containsKey("$eq")) {
            id = operators.get("$eq");
        }
        return id instanceof String || id instanceof de.bwaldvogel.mongo.bson.ObjectId || id instanceof java.util.UUID
                ? id : null;
    }

    /** The index's entries and the collection's documents as of one moment, between two documents' changes. */
    private IndexedQuery.View view(SecondaryIndex index) {
        for (int attempt = 0; ; attempt++) {
            long before = changes.get();
            if ((before & 1) == 0) {
                RootReference<IndexEntries.Entry, Boolean> indexRoot = index.map().flushAndGetRoot();
                RootReference<Object, Document> dataRoot = dataMap.flushAndGetRoot();
                if (changes.get() == before) {
                    return new IndexedQuery.View(indexRoot, position -> {
                        documentsRead.increment();
                        return dataMap.get(dataRoot.root, position);
                    });
                }
            }
            if (attempt < 100) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    /** A document's change has begun: its entries in an index are about to change. */
    void changing() {
        if ((changes.get() & 1) == 0) {
            changes.incrementAndGet();
        }
    }

    /** The document's change is complete, in its indexes and in the collection's map. */
    private void settled() {
        if ((changes.get() & 1) == 1) {
            changes.incrementAndGet();
        }
    }

    @Override
    public synchronized void addDocument(Document document) {
        try {
            super.addDocument(document);
        } finally {
            settled();
        }
    }

    @Override
    public synchronized void removeDocument(Document document) {
        try {
            super.removeDocument(document);
        } finally {
            settled();
        }
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        super.handleUpdate(position, oldDocument, newDocument);
        settled();
    }

    @Override
    public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
                                                 boolean isMulti, boolean isUpsert, Oplog oplog) {
        try {
            return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
        } finally {
            settled();
        }
    }

    @Override
    public synchronized Document findAndModify(Document query) {
        try {
            return super.findAndModify(query);
        } finally {
            settled();
        }
    }

    /** Builds a new secondary index (or one the catalog does not know complete) under the lock, so no write is missed. */
    @Override
    public synchronized void addIndex(Index<Object> index) {
        boolean known = getIndexes().stream().anyMatch(existing -> existing.getName().equals(index.getName()));
        if (!known && index instanceof SecondaryIndex secondary) {
            if (!secondary.built()) {
                pinned(() -> {
                    secondary.build(dataMap.entrySet());
                    return null;
                });
            }
            super.addIndex(index);
            secondaries.add(secondary);
            return;
        }
        super.addIndex(index);
    }

    @Override
    public synchronized void dropIndex(String indexName) {
        secondaries.removeIf(index -> index.getName().equals(indexName));
        super.dropIndex(indexName);
    }

    /** Documents by their positions in a unique index: one removed since the index was read is left out. */
    @Override
    protected QueryResult matchDocuments(Document query, Iterable<Object> positions, Document orderBy,
                                         int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        Stream<Document> documents = StreamSupport.stream(positions.spliterator(), false)
                .map(this::getDocument).filter(Objects::nonNull).peek(document -> documentsRead.increment());
        return matchDocumentsFromStream(documents, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /** The scan: every document of the collection, counted as read. */
    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        if (isNaturalDescending(orderBy)) {
            return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        Stream<Document> documents = dataMap.values().stream().peek(document -> documentsRead.increment());
        return matchDocumentsFromStream(documents, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * A sorted page keeps only the page's documents and those before it while it reads, not every
     * matching document: a page of 50 from 100,000 matches holds 50 (the plain backend sorts them all).
     * Ties keep the order read, as the plain backend's stable sort does.
     */
    @Override
    protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> documents, int numberToSkip,
                                                   int limit, int batchSize, Comparator<Document> comparator,
                                                   Document fieldSelector) {
        if (comparator == null || limit <= 0 || (long) Math.max(numberToSkip, 0) + limit > MAX_PAGE_HELD) {
            return super.matchDocumentsFromStream(query, documents, numberToSkip, limit, batchSize, comparator,
                    fieldSelector);
        }
        List<Document> page = TopDocuments.first(documents.filter(document -> documentMatchesQuery(document, query)),
                comparator, Math.max(numberToSkip, 0) + limit);
        return super.matchDocumentsFromStream(query, page.stream(), numberToSkip, limit, batchSize, comparator,
                fieldSelector);
    }

    /** The plain backend's matcher keeps state between calls; finds now run side by side, so each match gets its own. */
    @Override
    protected boolean documentMatchesQuery(Document document, Document query) {
        return new DefaultQueryMatcher().matches(document, query);
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
