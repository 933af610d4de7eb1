package de.kim.platform.readmodel;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import de.kim.local.MongoWireServer;
import de.kim.local.Ports;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A read model's position in MongoDB is never ahead of its documents: when a batch fails half-way
 * (as when the process dies in it), the stored position is still before the batch, so the events
 * whose documents were not written are processed again. Axon stores a batch's token before the
 * handlers when the processor runs in a transaction; the read model's processor runs without one.
 */
class TokenAfterDocumentsTest {

    /** A projection that writes one document per event and fails once on the third. */
    @ProcessingGroup("samples")
    static final class Samples {
        private final MongoTemplate mongo;
        private final AtomicBoolean failed = new AtomicBoolean();
        private final AtomicLong positionWhenFailing = new AtomicLong(Long.MIN_VALUE);

        Samples(MongoTemplate mongo) {
            this.mongo = mongo;
        }

        @EventHandler
        void on(String sample) {
            if (sample.equals("sample-3") && failed.compareAndSet(false, true)) {
                Document stored = mongo.getCollection(MongoTokenStore.COLLECTION).find(Filters.eq("processorName", "samples"))
                        .first();
                positionWhenFailing.set(stored == null ? -1 : stored.getLong("position"));
                throw new IllegalStateException("the process dies half-way through the batch");
            }
            mongo.getCollection("samples").replaceOne(Filters.eq("_id", sample), new Document("_id", sample),
                    new com.mongodb.client.model.ReplaceOptions().upsert(true));
        }
    }

    /** Stands in for the service's JDBC transaction manager: any manager other than none. */
    static final class SomeTransactionManager implements TransactionManager {
        @Override
        public Transaction startTransaction() {
            return new Transaction() {
                @Override
                public void commit() {
                }

                @Override
                public void rollback() {
                }
            };
        }
    }

    @Test
    void a_batch_that_fails_half_way_leaves_the_position_before_it_and_is_processed_again() {
        try (MongoWireServer server = new MongoWireServer(Ports.freePort(), null).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoTemplate home = new MongoTemplate(client, "kim-token-test");
            ReadModelDatabase database = new ReadModelDatabase(client, home, "samples");
            StaticListableBeanFactory beans = new StaticListableBeanFactory();
            AxonReadModel readModel = new AxonReadModel("samples", "samples", database,
                    beans.getBeanProvider(Configuration.class), beans.getBeanProvider(
                    org.axonframework.eventsourcing.eventstore.EventStorageEngine.class), target -> null);
            beans.addBean("samples", readModel);
            Samples samples = new Samples(home);

            Configurer configurer = DefaultConfigurer.defaultConfiguration()
                    .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                    .configureSerializer(c -> JacksonSerializer.defaultSerializer())
                    .configureTransactionManager(c -> new SomeTransactionManager());
            configurer.eventProcessing()
                    .registerTrackingEventProcessor("samples")
                    .registerTrackingEventProcessorConfiguration("samples",
                            c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(10))
                    .registerListenerInvocationErrorHandler("samples", c -> PropagatingErrorHandler.instance())
                    .registerEventHandler(c -> samples);
            AxonReadModel.tokenStoreOf(beans.getBeanProvider(AxonReadModel.class), "samples").configureModule(configurer);
            Configuration axon = configurer.buildConfiguration();
            beans.addBean("axon", axon);
            for (int i = 1; i <= 5; i++) {
                axon.eventStore().publish(GenericEventMessage.asEventMessage("sample-" + i));
            }
            axon.start();
            try {
                await().atMost(Duration.ofSeconds(30)).alias("every sample in the read model, the failed one processed again")
                        .until(() -> home.getCollection("samples").countDocuments() == 5);
                assertThat(samples.positionWhenFailing.get()).as("the position stored while the batch failed")
                        .isLessThan(2);
                await().atMost(Duration.ofSeconds(10)).until(() -> readModel.status().position() != null
                        && readModel.status().position() == 4);
            } finally {
                axon.shutdown();
            }
        }
    }
}
