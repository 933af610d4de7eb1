package de.kim.cases.query;

import de.kim.platform.readmodel.WriteBehind;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The case files and follow-up writes of one batch of the case-files processor ({@link WriteBehind}),
 * written when the batch is handled: the follow-up writes in one ordered bulk write, then the new files
 * in one and the changed files in one, so a batch costs the store three durable commits at most. A
 * file read or written in the batch is kept as the document the database would hold, and a later
 * event of the batch reads it here. The follow-ups go first, as they do when each event is written at
 * once: should the files not be written, the batch comes again, finds the files as they were, and
 * makes each change with its follow-up writes again (setting the same values, so they end the same).
 */
final class CaseFileBatch extends WriteBehind {

    private final MongoTemplate mongo;
    private final String collection;
    /** The files read or written in the batch, as stored. */
    private final Map<String, Document> files = new HashMap<>();
    private final Set<String> inserted = new LinkedHashSet<>();
    private final Set<String> replaced = new LinkedHashSet<>();
    private final List<Consumer<BulkOperations>> followUps = new ArrayList<>();

    CaseFileBatch(MongoTemplate mongo) {
        this.mongo = mongo;
        this.collection = mongo.getCollectionName(CaseFile.class);
    }

    CaseFile find(String caseId) {
        Document stored = files.get(caseId);
        if (stored == null) {
            stored = mongo.findById(caseId, Document.class, collection);
            if (stored == null) {
                return null;
            }
            files.put(caseId, stored);
        }
        // A copy, as from the database: a change the projection makes counts only once it is saved.
        return mongo.getConverter().read(CaseFile.class, stored);
    }

    /** Adds a new file; false if the batch or the database has one with its id. */
    boolean insert(CaseFile file) {
        if (files.containsKey(file.id) || mongo.exists(byId(file.id), CaseFile.class)) {
            return false;
        }
        files.put(file.id, document(file));
        inserted.add(file.id);
        return true;
    }

    void save(CaseFile file) {
        files.put(file.id, document(file));
        if (!inserted.contains(file.id)) {
            replaced.add(file.id);
        }
    }

    /** A write of the follow-up list, made in the order given. */
    void followUps(Consumer<BulkOperations> write) {
        followUps.add(write);
    }

    @Override
    protected void flush() {
        if (!followUps.isEmpty()) {
            BulkOperations bulk = mongo.bulkOps(BulkMode.ORDERED, FollowUpEntry.class);
            followUps.forEach(write -> write.accept(bulk));
            bulk.execute();
            followUps.clear();
        }
        if (!inserted.isEmpty()) {
            mongo.bulkOps(BulkMode.ORDERED, CaseFile.class).insert(inserted.stream().map(files::get).toList()).execute();
            inserted.clear();
        }
        if (!replaced.isEmpty()) {
            BulkOperations bulk = mongo.bulkOps(BulkMode.ORDERED, CaseFile.class);
            replaced.forEach(id -> bulk.replaceOne(byId(id), files.get(id), FindAndReplaceOptions.options().upsert()));
            bulk.execute();
            replaced.clear();
        }
    }

    private Document document(CaseFile file) {
        Document document = new Document();
        mongo.getConverter().write(file, document);
        return document;
    }

    static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
