package de.kim.cases.query;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** The live case files and follow-up list, in the case files' current database. */
@Component
public class MongoCaseFileStore implements CaseFileStore {

    private final CaseFileDatabase database;

    public MongoCaseFileStore(CaseFileDatabase database) {
        this.database = database;
    }

    @Override
    public CaseFile find(String caseId) {
        return mongo().findById(caseId, CaseFile.class);
    }

    @Override
    public boolean insert(CaseFile file) {
        try {
            mongo().insert(file);
            return true;
        } catch (DuplicateKeyException openedBefore) {
            return false;
        }
    }

    @Override
    public void save(CaseFile file) {
        mongo().save(file);
    }

    @Override
    public void followUpScheduled(FollowUpEntry entry) {
        mongo().save(entry);
    }

    @Override
    public void followUpCompleted(String entryId, LocalDate completedOn) {
        mongo().updateFirst(Query.query(Criteria.where("_id").is(entryId)), new Update().set("completedOn", completedOn),
                FollowUpEntry.class);
    }

    @Override
    public void followUpsHandedOver(String caseId, String from, String to) {
        mongo().updateMulti(Query.query(Criteria.where("caseId").is(caseId).and("completedOn").is(null)
                .and("assignee").is(from)), new Update().set("assignee", to), FollowUpEntry.class);
    }

    @Override
    public void followUpSubjectsErased(String caseId) {
        mongo().updateMulti(Query.query(Criteria.where("caseId").is(caseId).and("subject").ne(null)),
                new Update().set("subject", ""), FollowUpEntry.class);
    }

    private MongoTemplate mongo() {
        return database.template();
    }
}
