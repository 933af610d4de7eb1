package de.kim.cases.config;

import de.kim.cases.query.WorkBasketDatabase;
import de.kim.cases.query.WorkBasketItem;
import de.kim.cases.query.WorkBasketProjection;
import de.kim.platform.readmodel.AxonReadModel;
import de.kim.platform.readmodel.ReadModelDatabase;
import de.kim.platform.readmodel.ReadModelReplay;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;

/**
 * The work baskets as a read model that knows its position and can be rebuilt (processing group
 * {@code work-basket}, its position kept in its own database): a rebuild replays the event store
 * through {@link WorkBasketProjection} straight into a fresh database.
 */
@org.springframework.context.annotation.Configuration
public class WorkBasketReadModels {

    @Bean
    public ConfigurerModule workBasketTokenStore(ObjectProvider<AxonReadModel> workBasketReadModel) {
        return AxonReadModel.tokenStoreOf(workBasketReadModel, WorkBasketDatabase.READ_MODEL);
    }

    @Bean
    public AxonReadModel workBasketReadModel(WorkBasketDatabase database, ObjectProvider<Configuration> axon,
                                             ObjectProvider<EventStorageEngine> events) {
        return new AxonReadModel(WorkBasketDatabase.READ_MODEL, WorkBasketDatabase.READ_MODEL, database, axon, events,
                target -> ReadModelReplay.through(new WorkBasketProjection(ReadModelDatabase.pinnedTo(target)),
                        axon.getObject().parameterResolverFactory(),
                        written -> written.count(new org.springframework.data.mongodb.core.query.Query(),
                                WorkBasketItem.class)));
    }
}
