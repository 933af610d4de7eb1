package de.kim.partners.config;

import com.mongodb.client.MongoClient;
import de.kim.partners.query.InboxReferral;
import de.kim.partners.query.OfferView;
import de.kim.partners.query.PartnerProjection;
import de.kim.partners.query.PartnerView;
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

import java.util.stream.Stream;

/**
 * partner-service's read model that knows its position and can be rebuilt: the partner directory,
 * the offers and the referral inboxes (processing group {@code partner-views}), their position kept
 * with them in their database. A rebuild replays the event store through the projection straight
 * into the fresh database.
 */
@org.springframework.context.annotation.Configuration
public class PartnerReadModels {

    public static final String PARTNER_VIEWS = "partner-views";

    @Bean
    public ReadModelDatabase partnerViewsDatabase(MongoClient client, MongoTemplate home) {
        return new ReadModelDatabase(client, home, PARTNER_VIEWS, PartnerView.class, OfferView.class,
                InboxReferral.class);
    }

    @Bean
    public ConfigurerModule partnerViewsTokenStore(ObjectProvider<AxonReadModel> partnerViewsReadModel) {
        return AxonReadModel.tokenStoreOf(partnerViewsReadModel, PARTNER_VIEWS);
    }

    @Bean
    public AxonReadModel partnerViewsReadModel(ReadModelDatabase partnerViewsDatabase,
                                               ObjectProvider<Configuration> axon,
                                               ObjectProvider<EventStorageEngine> events, PersonalDataVault vault) {
        return new AxonReadModel(PARTNER_VIEWS, PARTNER_VIEWS, partnerViewsDatabase, axon, events,
                target -> ReadModelReplay.through(new PartnerProjection(ReadModelDatabase.pinnedTo(target), vault),
                        axon.getObject().parameterResolverFactory(),
                        written -> Stream.of(PartnerView.class, OfferView.class, InboxReferral.class)
                                .mapToLong(type -> written.count(new Query(), type))
                                .sum()));
    }
}
