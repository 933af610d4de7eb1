package de.kim.cases.query;

import de.kim.cases.api.CaseOpenedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Keeps the case files in MongoDB up to date from the case events. Writing a whole file per
 * event, keyed by case id, makes a redelivered event change nothing.
 */
@Component
@ProcessingGroup("case-files")
public class CaseFileProjection {

    private final MongoTemplate mongo;

    public CaseFileProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(CaseOpenedEvent event, @SequenceNumber long sequence) {
        mongo.save(new CaseFile(event.caseId().value(), event.tenant(), event.client(), event.targetGroup(),
                event.accessRoute(), event.assignee(), "OPEN", event.openedOn(), sequence));
    }

    @QueryHandler
    Optional<CaseFile> handle(FindCaseFileQuery query) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("_id").is(query.caseId())
                .and("tenant").is(query.tenant())), CaseFile.class));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(CaseFile.class);
    }
}
