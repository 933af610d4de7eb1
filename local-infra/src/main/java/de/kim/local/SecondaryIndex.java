package de.kim.local;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A non-unique index of the Mongo-wire server (compound, and multikey where a key holds an array):
 * an MVStore map of {@link IndexEntries.Entry entries}, one for each combination of a document's key
 * values (each element of an array), with no value. mongo-java-server calls it on every insert,
 * update and delete of its collection ({@link SnapshotCollection}); finds read it through
 * {@link IndexedQuery}. It only narrows the documents a find looks at: every document found through
 * it is matched against the whole query.
 */
final class SecondaryIndex extends Index<Object> {

    private final MVMap<IndexEntries.Entry, Boolean> map;
    private final IndexCatalog catalog;
    private final SnapshotCollection collection;
    private final List<String> fields;
    private final boolean[] ascending;
    /** Entries a build sorts at once: about 100 bytes each in the heap, beside the documents the server holds. */
    static final int BUILD_RUN = 250_000;
    /** A bit for each key that has held an array (or an empty one): such a key cannot give a sort order. */
    private volatile long multikeys;

    SecondaryIndex(String name, List<IndexKey> keys, MVMap<IndexEntries.Entry, Boolean> map, IndexCatalog catalog,
                   SnapshotCollection collection) {
        super(name, keys, true);
        this.map = map;
        this.catalog = catalog;
        this.collection = collection;
        this.fields = keys.stream().map(IndexKey::getKey).toList();
        this.ascending = ascending(keys);
        this.multikeys = catalog.multikeys(map);
    }

    static boolean[] ascending(List<IndexKey> keys) {
        boolean[] ascending = new boolean[keys.size()];
        for (int i = 0; i < ascending.length; i++) {
            ascending[i] = keys.get(i).isAscending();
        }
        return ascending;
    }

    MVMap<IndexEntries.Entry, Boolean> map() {
        return map;
    }

    List<String> fields() {
        return fields;
    }

    boolean ascending(int key) {
        return ascending[key];
    }

    boolean multikey(int key) {
        return (multikeys & (1L << key)) != 0;
    }

    boolean anyMultikeyFrom(int key) {
        return (multikeys >>> key) != 0;
    }

    /** Whether the map holds every document of the collection, as the catalog recorded it. */
    boolean built() {
        return catalog.multikeys(map) >= 0;
    }

    /**
     * Fills the map from the collection's documents (under the collection's lock), then records it
     * complete. The entries go in in key order, up to {@link #BUILD_RUN} sorted at a time: each page of
     * the map is then filled while it is at hand and written once, where entries in the documents'
     * order (a search token's are random) change pages all over the map and make H2 copy and write
     * most of them again at every commit.
     */
    void build(Iterable<Map.Entry<Object, Document>> documents) {
        map.clear();
        multikeys = 0;
        List<IndexEntries.Entry> run = new ArrayList<>();
        for (Map.Entry<Object, Document> document : documents) {
            run.addAll(entries(document.getValue(), document.getKey()));
            if (run.size() >= BUILD_RUN) {
                putSorted(run);
            }
        }
        putSorted(run);
        catalog.complete(map, multikeys);
    }

    private void putSorted(List<IndexEntries.Entry> run) {
        run.sort(map.getKeyType());
        for (IndexEntries.Entry entry : run) {
            map.put(entry, Boolean.TRUE);
        }
        run.clear();
    }

    void forget() {
        catalog.forget(map);
    }

    /** The entries of a document: one for each combination of its key values. */
    TreeSet<IndexEntries.Entry> entries(Document document, Object position) {
        List<Object[]> combinations = new ArrayList<>();
        combinations.add(new Object[fields.size()]);
        for (int key = 0; key < fields.size(); key++) {
            List<Object> values = values(document, key);
            List<Object[]> next = new ArrayList<>(combinations.size() * values.size());
            for (Object[] combination : combinations) {
                for (Object value : values) {
                    Object[] extended = combination.clone();
                    extended[key] = value;
                    next.add(extended);
                }
            }
            combinations = next;
        }
        TreeSet<IndexEntries.Entry> entries = new TreeSet<>(map.getKeyType());
        for (Object[] values : combinations) {
            entries.add(IndexEntries.Entry.of(values, position));
        }
        return entries;
    }

    /** The normalized values of one key: each element of an array (null for an empty one), or the value. */
    private List<Object> values(Document document, int key) {
        Object value = Utils.getSubdocumentValueCollectionAware(document, fields.get(key));
        if (!(value instanceof Collection<?> elements)) {
            return java.util.Collections.singletonList(normalized(value));
        }
        markMultikey(key);
        if (elements.isEmpty()) {
            return java.util.Collections.singletonList(null);
        }
        TreeSet<Object> distinct = new TreeSet<>(IndexKeyOrder::compareValues);
        for (Object element : elements) {
            distinct.add(normalized(element));
        }
        return new ArrayList<>(distinct);
    }

    static Object normalized(Object value) {
        return new KeyValue(java.util.Collections.singletonList(value)).normalized().get(0);
    }

    private void markMultikey(int key) {
        if (!multikey(key)) {
            multikeys |= 1L << key;
            if (built()) {
                catalog.complete(map, multikeys);
            }
        }
    }

    private static Object position(Document document) {
        return de.bwaldvogel.mongo.backend.Missing.ofNullable(document.get("_id"));
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> owner) {
        collection.changing();
        for (IndexEntries.Entry entry : entries(document, position)) {
            map.put(entry, Boolean.TRUE);
        }
    }

    /** Removes the document's entries; answers no position, as a sparse index may (the collection finds it by {@code _id}). */
    @Override
    public Object remove(Document document) {
        collection.changing();
        for (IndexEntries.Entry entry : entries(document, position(document))) {
            map.remove(entry);
        }
        return null;
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position, MongoCollection<Object> owner) {
        TreeSet<IndexEntries.Entry> before = entries(oldDocument, position);
        TreeSet<IndexEntries.Entry> after = entries(newDocument, position);
        if (before.equals(after)) {
            return;
        }
        collection.changing();
        for (IndexEntries.Entry entry : before) {
            if (!after.contains(entry)) {
                map.remove(entry);
            }
        }
        for (IndexEntries.Entry entry : after) {
            if (!before.contains(entry)) {
                map.put(entry, Boolean.TRUE);
            }
        }
    }

    @Override
    public Object getPosition(Document document) {
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> owner) {
        // not unique: any document may be added
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> owner) {
        // not unique: any change may be made
    }

    /** mongo-java-server's own planner never uses it: {@link IndexedQuery} does. */
    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        // the database removes the map
    }

    /** The value of every entry: none. */
    static final class Present extends BasicDataType<Boolean> {

        static final Present TYPE = new Present();

        @Override
        public int getMemory(Boolean value) {
            return 0;
        }

        @Override
        public void write(WriteBuffer buffer, Boolean value) {
            // nothing to store
        }

        @Override
        public Boolean read(ByteBuffer buffer) {
            return Boolean.TRUE;
        }

        @Override
        public Boolean[] createStorage(int size) {
            return new Boolean[size];
        }
    }
}
