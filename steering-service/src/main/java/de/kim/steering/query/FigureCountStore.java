package de.kim.steering.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import de.kim.steering.query.Facts.CaseFact;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The counted figures ({@link FigureCounts}) in the facts' database, next to the facts, so that a
 * rebuild switches both at once. A change is applied with {@code $inc} (atomic per document, so
 * instances sharing the partitions may write to one document) and remembered in the document
 * under its id (the fact, the event and a digest of what it adds): applied again, after a crash between the
 * counts and the fact, it changes nothing. A marker document says the counts are complete; a
 * database without it (one from before the counts) is counted from its facts. A writer of a batch
 * marks its counts until the batch's facts are written ({@link #applyAll}, {@link #finished}): a
 * mark left behind by a writer that died is a batch whose counts may be written without its facts.
 */
public class FigureCountStore {

    private static final Logger log = LoggerFactory.getLogger(FigureCountStore.class);

    /** How many changes a document remembers: more than can be in flight for one tenant while an instance restarts. */
    static final int REMEMBERED = 200;
    static final String APPLIED = "applied";
    private static final String MARKER = "counted";
    /** What a writer's mark of a batch in progress is called, its id after it. */
    private static final String WRITING = "writing:";
    /** How long a mark must stay unchanged to be one left behind: far longer than a batch takes to write. */
    static final java.time.Duration LEFT_BEHIND = java.time.Duration.ofSeconds(5);

    private final MongoTemplate mongo;

    public FigureCountStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(FigureCounts.COLLECTION);
    }

    /**
     * Adds the counts of one change, at most once: the change is known by its id (what changed and
     * by which event) and what it adds, so that the same event met again with the fact already
     * moved on (a referral made again after its case moved) adds what has changed since.
     */
    private static final int DUPLICATE_KEY = 11000;

    void apply(String changeId, FigureCounts change) {
        String id = changeId + "#" + change.digest();
        List<UpdateOneModel<Document>> updates = new ArrayList<>();
        change.documents().forEach((document, fields) -> updates.add(update(document, fields, id)));
        if (updates.isEmpty()) {
            return;
        }
        try {
            // One command, so one durable commit of the store, for all the documents of a change.
            collection().bulkWrite(updates, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException applied) {
            // Some documents have this change already (their upsert met its own id): each update is
            // idempotent, so the change is applied again one document at a time.
            if (applied.getWriteErrors().stream().anyMatch(error -> error.getCategory() != ErrorCategory.DUPLICATE_KEY)) {
                throw applied;
            }
            updates.forEach(this::applyOne);
        } catch (MongoCommandException refused) {
            // A server that refuses the whole command for one duplicate key: the same, one document at a time.
            if (refused.getErrorCode() != DUPLICATE_KEY) {
                throw refused;
            }
            updates.forEach(this::applyOne);
        }
    }

    /** One change of the counts: its id (what changed, by which event, and what it adds) and the counts it adds. */
    record Change(String id, FigureCounts counts) {

        static Change of(String changeId, FigureCounts counts) {
            return new Change(changeId + "#" + counts.digest(), counts);
        }
    }

    /**
     * Adds the counts of several changes, each at most once, in one bulk write: per document their
     * sum, and their ids remembered together, written only where the document has none of them.
     * A document that has some of them (a batch delivered again with other bounds) takes the
     * changes one at a time, each idempotent as in {@link #apply}.
     */
    void applyAll(List<Change> changes, String writer) {
        Map<String, Map<String, Long>> sums = new LinkedHashMap<>();
        Map<String, List<String>> ids = new LinkedHashMap<>();
        Map<String, List<UpdateOneModel<Document>>> singly = new LinkedHashMap<>();
        for (Change change : changes) {
            change.counts().documents().forEach((document, fields) -> {
                Map<String, Long> sum = sums.computeIfAbsent(document, d -> new HashMap<>());
                fields.forEach((path, n) -> sum.merge(path, n, Long::sum));
                ids.computeIfAbsent(document, d -> new ArrayList<>()).add(change.id());
                singly.computeIfAbsent(document, d -> new ArrayList<>()).add(update(document, fields, change.id()));
            });
        }
        if (sums.isEmpty()) {
            return;
        }
        List<String> documents = new ArrayList<>(sums.keySet());
        List<WriteModel<Document>> updates = new ArrayList<>();
        documents.forEach(document -> updates.add(merged(document, sums.get(document), ids.get(document))));
        // The writer's mark, in the same write (last, so the documents keep their indexes).
        ReplaceOneModel<Document> mark = new ReplaceOneModel<>(Filters.eq("_id", WRITING + writer),
                new Document("_id", WRITING + writer).append("batch", UUID.randomUUID().toString()),
                new ReplaceOptions().upsert(true));
        updates.add(mark);
        try {
            // One command, so one durable commit of the store, for the documents of all the changes.
            collection().bulkWrite(updates, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException met) {
            // A document with one of these changes already (its upsert met its own id): that
            // document takes them one at a time; the others are written.
            if (met.getWriteErrors().stream().anyMatch(error -> error.getCategory() != ErrorCategory.DUPLICATE_KEY)) {
                throw met;
            }
            met.getWriteErrors().forEach(error -> singly.get(documents.get(error.getIndex())).forEach(this::applyOne));
        } catch (MongoCommandException refused) {
            // A server that refuses the whole command for one duplicate key: document by document.
            if (refused.getErrorCode() != DUPLICATE_KEY) {
                throw refused;
            }
            collection().replaceOne(mark.getFilter(), mark.getReplacement(), mark.getReplaceOptions());
            for (int i = 0; i < documents.size(); i++) {
                if (!applyMerged((UpdateOneModel<Document>) updates.get(i))) {
                    singly.get(documents.get(i)).forEach(this::applyOne);
                }
            }
        }
    }

    private static UpdateOneModel<Document> merged(String document, Map<String, Long> sum, List<String> ids) {
        Document increments = new Document();
        sum.forEach((path, n) -> {
            if (n != 0L) {
                increments.append(path, n);
            }
        });
        Document update = new Document("$push", new Document(APPLIED,
                new Document("$each", ids).append("$slice", -REMEMBERED)));
        if (!increments.isEmpty()) {
            update.append("$inc", increments);
        }
        return new UpdateOneModel<>(Filters.and(Filters.eq("_id", document), Filters.nin(APPLIED, ids)), update,
                new UpdateOptions().upsert(true));
    }

    /** Whether the merged update was written; not where the document has one of its changes. */
    private boolean applyMerged(UpdateOneModel<Document> update) {
        try {
            collection().updateOne(update.getFilter(), update.getUpdate(), update.getOptions());
            return true;
        } catch (MongoWriteException met) {
            if (met.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw met;
            }
            return false;
        } catch (MongoCommandException met) {
            if (met.getErrorCode() != DUPLICATE_KEY) {
                throw met;
            }
            return false;
        }
    }

    private static UpdateOneModel<Document> update(String document, Map<String, ? extends Number> fields, String id) {
        Document increments = new Document();
        fields.forEach(increments::append);
        Document update = new Document("$inc", increments).append("$push", new Document(APPLIED,
                new Document("$each", List.of(id)).append("$slice", -REMEMBERED)));
        return new UpdateOneModel<>(Filters.and(Filters.eq("_id", document), Filters.ne(APPLIED, id)), update,
                new UpdateOptions().upsert(true));
    }

    private void applyOne(UpdateOneModel<Document> update) {
        try {
            collection().updateOne(update.getFilter(), update.getUpdate(), update.getOptions());
        } catch (MongoWriteException applied) {
            // The document has this change already: the upsert found no match and met its own id.
            if (applied.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw applied;
            }
        }
    }

    /** The writer's batch is written, facts and all: its mark goes. */
    void finished(String writer) {
        collection().deleteOne(Filters.eq("_id", WRITING + writer));
    }

    /**
     * Whether a writer died between the counts of a batch and its facts: a mark that stays the
     * same for {@link #LEFT_BEHIND} (a live writer removes or renews its mark with every batch).
     */
    public boolean interrupted() {
        Map<Object, Object> marks = marks();
        if (marks.isEmpty()) {
            return false;
        }
        try {
            Thread.sleep(LEFT_BEHIND.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
        Map<Object, Object> later = marks();
        return marks.entrySet().stream().anyMatch(mark -> mark.getValue().equals(later.get(mark.getKey())));
    }

    private Map<Object, Object> marks() {
        Map<Object, Object> marks = new HashMap<>();
        collection().find(Filters.regex("_id", "^" + WRITING)).forEach(d -> marks.put(d.get("_id"), d.get("batch")));
        return marks;
    }

    /** Whether the counts are complete (counted from the facts, or by a rebuild, once). */
    public boolean counted() {
        return collection().find(Filters.eq("_id", MARKER)).first() != null;
    }

    /** Counts every fact of the database from scratch, in place of the counts there are. */
    public void recount() {
        long start = System.nanoTime();
        FigureCounts all = new FigureCounts();
        long[] facts = {0};
        List<Class<? extends Facts.Fact>> kinds = List.of(CaseFact.class, Facts.ReferralFact.class, Facts.EventFact.class);
        for (Class<? extends Facts.Fact> counted : kinds) {
            try (Stream<? extends Facts.Fact> stream = mongo.stream(new Query(), counted)) {
                stream.forEach(fact -> {
                    all.plus(FigureCounts.of(fact));
                    facts[0]++;
                });
            }
        }
        mongo.dropCollection(FigureCounts.COLLECTION);
        write(all);
        log.info("figures counted from {} facts in {} ms", facts[0], (System.nanoTime() - start) / 1_000_000);
    }

    /** Writes the counts of these facts into the (empty) database, e.g. a rebuild's. */
    void writeAll(Collection<? extends Facts.Fact> facts) {
        FigureCounts all = new FigureCounts();
        facts.forEach(fact -> all.plus(FigureCounts.of(fact)));
        write(all);
    }

    private void write(FigureCounts all) {
        List<Document> documents = new ArrayList<>();
        all.documents().forEach((id, fields) -> {
            Document document = new Document("_id", id);
            fields.forEach((path, count) -> nest(document, path, count));
            documents.add(document);
        });
        for (int i = 0; i < documents.size(); i += 500) {
            collection().insertMany(documents.subList(i, Math.min(documents.size(), i + 500)));
        }
        collection().insertOne(new Document("_id", MARKER));
    }

    /** The count documents with these ids that exist, by id. */
    Map<String, Document> read(Collection<String> ids) {
        Map<String, Document> found = new HashMap<>();
        collection().find(Filters.in("_id", ids)).forEach(d -> found.put(d.getString("_id"), d));
        return found;
    }

    private static void nest(Document document, String path, long count) {
        String[] keys = path.split("\\.");
        Document at = document;
        for (int i = 0; i < keys.length - 1; i++) {
            Document next = (Document) at.get(keys[i]);
            if (next == null) {
                next = new Document();
                at.put(keys[i], next);
            }
            at = next;
        }
        at.put(keys[keys.length - 1], count);
    }
}
