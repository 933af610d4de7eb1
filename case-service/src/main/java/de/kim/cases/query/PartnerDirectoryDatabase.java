package de.kim.cases.query;

import com.mongodb.client.MongoClient;
import de.kim.cases.query.PartnerDirectoryProjection.KnownOffer;
import de.kim.cases.query.PartnerDirectoryProjection.KnownPartner;
import de.kim.platform.readmodel.ReadModelDatabase;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The database of case management's partner directory, with its offsets on {@code kim.partner.v1}; a rebuild switches it. */
@Component
public class PartnerDirectoryDatabase extends ReadModelDatabase {

    public static final String READ_MODEL = "partner-directory";

    public PartnerDirectoryDatabase(MongoClient client, MongoTemplate home) {
        super(client, home, READ_MODEL, KnownPartner.class, KnownOffer.class);
    }
}
