package de.kim.immigration.config;

import com.mongodb.client.MongoClient;
import de.kim.immigration.query.ResidenceRecordProjection;
import de.kim.immigration.query.ResidenceRecordView;
import de.kim.immigration.screening.PathwayScreener;
import de.kim.platform.privacy.BlindIndex;
import de.kim.platform.privacy.PersonalDataVault;
import de.kim.platform.readmodel.AxonReadModel;
import de.kim.platform.readmodel.ReadModelDatabase;
import de.kim.platform.readmodel.ReadModelReplay;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Clock;

/**
 * immigration-office-service's read model that knows its position and can be rebuilt: the
 * residence records (processing group {@code residence-records}), their position kept with them in
 * their database. A rebuild replays the event store through the projection straight into the
 * fresh database.
 */
@org.springframework.context.annotation.Configuration
public class ImmigrationReadModels {

    public static final String RESIDENCE_RECORDS = "residence-records";

    @Bean
    public ReadModelDatabase residenceRecordsDatabase(MongoClient client, MongoTemplate home) {
        return new ReadModelDatabase(client, home, RESIDENCE_RECORDS, ResidenceRecordView.class);
    }

    @Bean
    public ConfigurerModule residenceRecordsTokenStore(ObjectProvider<AxonReadModel> residenceRecordsReadModel) {
        return AxonReadModel.tokenStoreOf(residenceRecordsReadModel, RESIDENCE_RECORDS);
    }

    @Bean
    public AxonReadModel residenceRecordsReadModel(ReadModelDatabase residenceRecordsDatabase,
                                                   ObjectProvider<Configuration> axon,
                                                   ObjectProvider<EventStorageEngine> events, PathwayScreener screener,
                                                   Clock clock, PersonalDataVault vault,
                                                   BlindIndex index) {
        return new AxonReadModel(RESIDENCE_RECORDS, RESIDENCE_RECORDS, residenceRecordsDatabase, axon, events,
                target -> ReadModelReplay.through(new ResidenceRecordProjection(ReadModelDatabase.pinnedTo(target),
                                screener, clock, vault, index), axon.getObject().parameterResolverFactory(),
                        written -> written.count(new Query(), ResidenceRecordView.class)));
    }
}
