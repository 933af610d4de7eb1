package de.kim.steering.query;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live facts for the records of one poll: the facts they touch are held in memory (a later
 * record reads the version an earlier one left) and written at the end ({@link #write}), the
 * counts of all their changes first, merged in one bulk write, then the facts, one bulk write per
 * collection. Idempotent as {@link MongoFactStore}: each change keeps its own id, so the records
 * applied again after a crash between the counts and the facts change no count.
 */
public class BatchFactStore implements FactStore {

    /**
     * Changes one count document may take in one write: well within what a document remembers
     * ({@link FigureCountStore#REMEMBERED}), so the changes of a batch applied again are all still
     * known, with room for other instances writing to the same document meanwhile.
     */
    static final int CHANGES_PER_DOCUMENT = FigureCountStore.REMEMBERED / 2;

    private final MongoTemplate mongo;
    private final FigureCountStore counts;
    /** Who writes, for the mark of a batch in progress ({@link FigureCountStore#interrupted}). */
    private final String writer;
    /** The facts read or written in this batch, by type and id; a fact known to be absent maps to null. */
    private final Map<Class<?>, Map<String, Facts.Fact>> held = new HashMap<>();
    private final Map<Class<?>, Map<String, Facts.Fact>> changed = new LinkedHashMap<>();
    private final List<FigureCountStore.Change> changes = new ArrayList<>();
    private final Map<String, Integer> changesPerDocument = new HashMap<>();
    private int mostChangesOfADocument;

    public BatchFactStore(MongoTemplate mongo, String writer) {
        this.mongo = mongo;
        this.writer = writer;
        this.counts = new FigureCountStore(mongo);
    }

    @Override
    public <T extends Facts.Fact> T find(Class<T> type, String id) {
        Map<String, Facts.Fact> ofType = held.computeIfAbsent(type, t -> new HashMap<>());
        if (!ofType.containsKey(id)) {
            ofType.put(id, mongo.findById(id, type));
        }
        return type.cast(ofType.get(id));
    }

    /** A countable event of the immigration office is counted the first time it is saved (keyed by the event's id). */
    @Override
    public void save(Facts.Fact fact) {
        if (fact instanceof Facts.EventFact e && find(Facts.EventFact.class, e.id()) == null) {
            count(e.id(), FigureCounts.of(e));
        }
        hold(fact);
    }

    @Override
    public boolean counts() {
        return true;
    }

    @Override
    public void saveCounted(Facts.Fact fact, FigureCounts before, String changeId) {
        count(changeId, FigureCounts.of(fact).minus(before));
        hold(fact);
    }

    @Override
    public boolean insertIfAbsent(Facts.Fact fact) {
        if (find(fact.getClass(), fact.factId()) != null) {
            return false;
        }
        FigureCounts added = FigureCounts.of(fact);
        if (!added.isEmpty()) {
            String change = fact instanceof Facts.CaseFact c ? String.valueOf(c.lastSequence) : "added";
            count(fact.factId() + "@" + change, added);
        }
        hold(fact);
        return true;
    }

    /** Whether the batch should be written before the next record: a count document has as many changes as it may take. */
    public boolean full() {
        return mostChangesOfADocument >= CHANGES_PER_DOCUMENT;
    }

    /**
     * Writes what the batch holds: the counts first (should the facts' writes be lost, the records
     * come again and find their changes counted), marked as this writer's batch in progress, then
     * the facts, then the mark goes. The store can take the next batch.
     */
    public void write() {
        writeCounts();
        writeFacts();
    }

    /** The counts alone, marked as this writer's batch in progress (a test stands here for a writer that dies). */
    void writeCounts() {
        counts.applyAll(changes, writer);
    }

    private void writeFacts() {
        FactDocuments documents = new FactDocuments(mongo.getConverter());
        changed.forEach((type, byId) -> {
            List<WriteModel<Document>> writes = new ArrayList<>(byId.size());
            byId.forEach((id, fact) -> writes.add(new ReplaceOneModel<>(Filters.eq("_id", id), documents.of(fact),
                    new ReplaceOptions().upsert(true))));
            mongo.getCollection(mongo.getCollectionName(type)).bulkWrite(writes, new BulkWriteOptions().ordered(false));
        });
        if (!changes.isEmpty()) {
            counts.finished(writer);
        }
        held.clear();
        changed.clear();
        changes.clear();
        changesPerDocument.clear();
        mostChangesOfADocument = 0;
    }

    private void hold(Facts.Fact fact) {
        held.computeIfAbsent(fact.getClass(), t -> new HashMap<>()).put(fact.factId(), fact);
        changed.computeIfAbsent(fact.getClass(), t -> new LinkedHashMap<>()).put(fact.factId(), fact);
    }

    private void count(String changeId, FigureCounts change) {
        if (change.isEmpty()) {
            return;
        }
        changes.add(FigureCountStore.Change.of(changeId, change));
        for (String document : change.documents().keySet()) {
            mostChangesOfADocument = Math.max(mostChangesOfADocument, changesPerDocument.merge(document, 1, Integer::sum));
        }
    }
}
