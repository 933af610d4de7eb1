package de.kim.cases.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.kim.platform.readmodel.PipelinedInserts;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Case files in memory, for a rebuild: replaying the event store touches each file many times,
 * and memory takes that at the speed of a map. The files go to the fresh database in bulk, with
 * the follow-up list derived from them. Memory is bounded: when it holds {@code capacity} files
 * they are written and let go, and a later event of such a file reads it back.
 */
public class MemoryCaseFileStore implements CaseFileStore {

    private static final int BATCH = 1_000;

    private final MongoTemplate target;
    private final int capacity;
    private final Map<String, CaseFile> files = new LinkedHashMap<>();
    private final Set<String> written = new HashSet<>();
    /**
     * The follow-up entries written with each file read back from the database, to be deleted by id when
     * the file is written again: a rebuild's database has its other indexes only once it is complete.
     */
    private final Map<String, List<String>> followUpsReadBack = new HashMap<>();
    private long followUpsWritten;

    public MemoryCaseFileStore(MongoTemplate target, int capacity) {
        this.target = target;
        this.capacity = capacity;
    }

    @Override
    public CaseFile find(String caseId) {
        CaseFile file = files.get(caseId);
        if (file == null && written.contains(caseId)) {
            file = target.findById(caseId, CaseFile.class);
            CaseFile readBack = file;
            followUpsReadBack.put(caseId, readBack.followUps.stream().map(u -> followUpId(readBack, u)).toList());
            keep(file);
        }
        return file;
    }

    @Override
    public boolean insert(CaseFile file) {
        if (files.containsKey(file.id) || written.contains(file.id)) {
            return false;
        }
        keep(file);
        return true;
    }

    @Override
    public void save(CaseFile file) {
        keep(file);
    }

    // The follow-up list is derived from the files when they are written.
    @Override
    public void followUpScheduled(FollowUpEntry entry) {
    }

    @Override
    public void followUpCompleted(String entryId, LocalDate completedOn) {
    }

    @Override
    public void followUpsHandedOver(String caseId, String from, String to) {
    }

    @Override
    public void followUpSubjectsErased(String caseId) {
    }

    /** Writes what memory still holds. */
    public void flush() {
        if (files.isEmpty()) {
            return;
        }
        MongoCollection<Document> caseFiles = target.getCollection(target.getCollectionName(CaseFile.class));
        MongoCollection<Document> followUps = target.getCollection(target.getCollectionName(FollowUpEntry.class));
        List<String> again = files.keySet().stream().filter(written::contains).toList();
        if (!again.isEmpty()) {
            caseFiles.deleteMany(Filters.in("_id", again));
            List<String> known = again.stream().filter(followUpsReadBack::containsKey)
                    .flatMap(id -> followUpsReadBack.get(id).stream()).toList();
            List<String> unknown = again.stream().filter(id -> !followUpsReadBack.containsKey(id)).toList();
            if (!known.isEmpty()) {
                followUpsWritten -= followUps.deleteMany(Filters.in("_id", known)).getDeletedCount();
            }
            if (!unknown.isEmpty()) {
                followUpsWritten -= followUps.deleteMany(Filters.in("caseId", unknown)).getDeletedCount();
            }
            followUpsReadBack.clear();
        }
        List<Document> fileBatch = new ArrayList<>(BATCH);
        List<Document> followUpBatch = new ArrayList<>(BATCH);
        try (PipelinedInserts inserts = new PipelinedInserts()) {
            for (CaseFile file : files.values()) {
                fileBatch.add(document(file));
                for (CaseFile.FollowUp u : file.followUps) {
                    followUpsWritten++;
                    followUpBatch.add(document(new FollowUpEntry(followUpId(file, u), file.tenant, file.id,
                            file.caseNumber, u.id(), u.dueOn(), u.subject(), u.assignee(), u.completedOn())));
                }
                if (fileBatch.size() >= BATCH) {
                    inserts.insert(caseFiles, fileBatch);
                    fileBatch = new ArrayList<>(BATCH);
                }
                if (followUpBatch.size() >= BATCH) {
                    inserts.insert(followUps, followUpBatch);
                    followUpBatch = new ArrayList<>(BATCH);
                }
            }
            inserts.insert(caseFiles, fileBatch);
            inserts.insert(followUps, followUpBatch);
        }
        written.addAll(files.keySet());
        files.clear();
    }

    /** The documents written: case files and follow-up entries. */
    public long documents() {
        return written.size() + followUpsWritten;
    }

    private void keep(CaseFile file) {
        files.put(file.id, file);
        if (files.size() >= capacity) {
            flush();
        }
    }

    private static String followUpId(CaseFile file, CaseFile.FollowUp followUp) {
        return file.id + ":" + followUp.id();
    }

    private Document document(Object entity) {
        Document document = new Document();
        target.getConverter().write(entity, document);
        return document;
    }
}
