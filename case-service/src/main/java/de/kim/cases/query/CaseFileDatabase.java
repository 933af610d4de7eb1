package de.kim.cases.query;

import com.mongodb.client.MongoClient;
import de.kim.platform.readmodel.ReadModelDatabase;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The database of the case files and the follow-up list, with their position; a rebuild switches it. */
@Component
public class CaseFileDatabase extends ReadModelDatabase {

    public static final String READ_MODEL = "case-files";

    public CaseFileDatabase(MongoClient client, MongoTemplate home) {
        super(client, home, READ_MODEL, CaseFile.class, FollowUpEntry.class);
    }
}
