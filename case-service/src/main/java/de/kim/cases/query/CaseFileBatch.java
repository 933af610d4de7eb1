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
 * file read or written in the batch is kept here, and a later event of the batch changes that one: it
 * is read from the database and made a document again once per batch, not once per event (a case with
 * hundreds of events, caught up, cost as many conversions of its whole file). The projection changes a
 * file only to save it (a batch that fails is discarded with what it holds and comes again).
 * The follow-ups go first, as they do when each event is written at
 * once: should the files not be written, the batch comes again, finds the files as they were, and
 * makes each change with its follow-up writes again (setting the same values, so they end the same).
 */
final class CaseFileBatch extends WriteBehind {

    private final MongoTemplate mongo;
    private final String collection;
    /** The files read or written in the batch. */
    private final Map<String, CaseFile> files = new HashMap<>();
    private final Set<String> inserted = new LinkedHashSet<>();
    private final Set<String> replaced = new LinkedHashSet<>();
    private final List<Consumer<BulkOperations>> followUps = new ArrayList<>();

    CaseFileBatch(MongoTemplate mongo) {
        this.mongo = mongo;
        this.collection = mongo.getCollectionName(CaseFile.class);
    }

    CaseFile find(String caseId) {
        CaseFile file = files.get(caseId);
        if (file == null) {
            file = mongo.findById(caseId, CaseFile.class, collection);
            if (file == null) {
                return null;
            }
            files.put(caseId, file);
        }
        return file;
    }

    /** Adds a new file; false if the batch or the database has one with its id. */
    boolean insert(CaseFile file) {
        if (files.containsKey(file.id) || mongo.exists(byId(file.id), CaseFile.class)) {
            return false;
        }
        files.put(file.id, file);
        inserted.add(file.id);
        return true;
    }

    void save(CaseFile file) {
        files.put(file.id, file);
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
            mongo.bulkOps(BulkMode.ORDERED, CaseFile.class)
                    .insert(inserted.stream().map(id -> document(files.get(id))).toList()).execute();
            inserted.clear();
        }
        if (!replaced.isEmpty()) {
            BulkOperations bulk = mongo.bulkOps(BulkMode.ORDERED, CaseFile.class);
            replaced.forEach(id -> bulk.replaceOne(byId(id), document(files.get(id)), FindAndReplaceOptions.options().upsert()));
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
