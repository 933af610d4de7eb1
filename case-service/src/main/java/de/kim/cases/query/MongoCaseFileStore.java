package de.kim.cases.query;

import de.kim.platform.readmodel.EntityUpdates;
import de.kim.platform.readmodel.WriteBehind;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The live case files and follow-up list, in the case files' current database. In a unit of work
 * (the case-files processor's batch) the writes are held back and made together at its end
 * ({@link CaseFileBatch}); outside one, each is made at once.
 */
@Component
public class MongoCaseFileStore implements CaseFileStore {

    private final CaseFileDatabase database;

    public MongoCaseFileStore(CaseFileDatabase database) {
        this.database = database;
    }

    @Override
    public CaseFile find(String caseId) {
        return batch().map(batch -> batch.find(caseId)).orElseGet(() -> mongo().findById(caseId, CaseFile.class));
    }

    @Override
    public boolean insert(CaseFile file) {
        Optional<CaseFileBatch> batch = batch();
        if (batch.isPresent()) {
            return batch.get().insert(file);
        }
        try {
            mongo().insert(file);
            return true;
        } catch (DuplicateKeyException openedBefore) {
            return false;
        }
    }

    @Override
    public void save(CaseFile file) {
        batch().ifPresentOrElse(batch -> batch.save(file), () -> mongo().save(file));
    }

    @Override
    public void followUpScheduled(FollowUpEntry entry) {
        // An upsert, not a replacement: the batch's follow-up writes stay one command (EntityUpdates).
        Update whole = EntityUpdates.replacing(mongo().getConverter(), entry);
        followUps(bulk -> bulk.upsert(CaseFileBatch.byId(entry.id()), whole));
    }

    @Override
    public void followUpCompleted(String entryId, LocalDate completedOn) {
        followUps(bulk -> bulk.updateOne(CaseFileBatch.byId(entryId), new Update().set("completedOn", completedOn)));
    }

    @Override
    public void followUpsHandedOver(String caseId, String from, String to) {
        followUps(bulk -> bulk.updateMulti(Query.query(Criteria.where("caseId").is(caseId).and("completedOn").is(null)
                .and("assignee").is(from)), new Update().set("assignee", to)));
    }

    @Override
    public void followUpSubjectsErased(String caseId) {
        followUps(bulk -> bulk.updateMulti(Query.query(Criteria.where("caseId").is(caseId).and("subject").ne(null)),
                new Update().set("subject", "")));
    }

    /** A write of the follow-up list: held back with the batch, or made at once as a bulk write of its own. */
    private void followUps(Consumer<BulkOperations> write) {
        batch().ifPresentOrElse(batch -> batch.followUps(write), () -> {
            BulkOperations bulk = mongo().bulkOps(BulkMode.ORDERED, FollowUpEntry.class);
            write.accept(bulk);
            bulk.execute();
        });
    }

    private Optional<CaseFileBatch> batch() {
        return WriteBehind.ofCurrentUnitOfWork(this, () -> new CaseFileBatch(mongo()));
    }

    private MongoTemplate mongo() {
        return database.template();
    }
}
