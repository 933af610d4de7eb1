package de.kim.steering.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import de.kim.steering.query.Facts.CaseFact;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The counted figures ({@link FigureCounts}) in the facts' database, next to the facts, so that a
 * rebuild switches both at once. A change is applied with {@code $inc} (atomic per document, so
 * instances sharing the partitions may write to one document) and remembered in the document
 * under its id (the case and the event's sequence): applied again, after a crash between the
 * counts and the fact, it changes nothing. A marker document says the counts are complete; a
 * database without it (one from before the counts) is counted from its facts.
 */
public class FigureCountStore {

    private static final Logger log = LoggerFactory.getLogger(FigureCountStore.class);

    /** How many changes a document remembers: more than can be in flight for one tenant while an instance restarts. */
    static final int REMEMBERED = 200;
    static final String APPLIED = "applied";
    private static final String MARKER = "counted";

    private final MongoTemplate mongo;

    public FigureCountStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(FigureCounts.COLLECTION);
    }

    /** Adds the counts of one change, at most once per change id. */
    void apply(String changeId, FigureCounts change) {
        change.documents().forEach((id, fields) -> {
            Document increments = new Document();
            fields.forEach(increments::append);
            Document update = new Document("$inc", increments).append("$push", new Document(APPLIED,
                    new Document("$each", List.of(changeId)).append("$slice", -REMEMBERED)));
            try {
                collection().updateOne(Filters.and(Filters.eq("_id", id), Filters.ne(APPLIED, changeId)), update,
                        new UpdateOptions().upsert(true));
            } catch (MongoWriteException applied) {
                // The document has this change already: the upsert found no match and met its own id.
                if (applied.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw applied;
                }
            }
        });
    }

    /** Whether the counts are complete (counted from the facts, or by a rebuild, once). */
    public boolean counted() {
        return collection().find(Filters.eq("_id", MARKER)).first() != null;
    }

    /** Counts every case of the database from scratch, in place of the counts there are. */
    public void recount() {
        long start = System.nanoTime();
        FigureCounts all = new FigureCounts();
        long[] cases = {0};
        try (Stream<CaseFact> facts = mongo.stream(new Query(), CaseFact.class)) {
            facts.forEach(c -> {
                all.plus(FigureCounts.of(c));
                cases[0]++;
            });
        }
        mongo.dropCollection(FigureCounts.COLLECTION);
        write(all);
        log.info("figures counted from {} case facts in {} ms", cases[0], (System.nanoTime() - start) / 1_000_000);
    }

    /** Writes the counts of these cases into the (empty) database, e.g. a rebuild's. */
    void writeAll(Collection<CaseFact> cases) {
        FigureCounts all = new FigureCounts();
        cases.forEach(c -> all.plus(FigureCounts.of(c)));
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
