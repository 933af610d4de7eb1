package de.kim.platform.readmodel;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import de.kim.local.MongoWireServer;
import de.kim.local.Ports;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A read model's writes held back for a batch are written once per batch, and before the batch's
 * position: a crash between the two delivers the batch again rather than skip it.
 */
class WriteBehindTest {

    /** What one flush found: the documents it wrote and the position stored at that moment. */
    record Flush(int documents, long storedPosition) {
    }

    /** Holds the samples of a batch back and writes them in one insert. */
    static final class Samples extends WriteBehind {
        private final MongoTemplate mongo;
        private final List<Flush> flushes;
        private final List<Document> held = new ArrayList<>();

        Samples(MongoTemplate mongo, List<Flush> flushes) {
            this.mongo = mongo;
            this.flushes = flushes;
        }

        @Override
        protected void flush() {
            if (held.isEmpty()) {
                return;
            }
            Document stored = mongo.getCollection(MongoTokenStore.COLLECTION).find(Filters.eq("processorName", "samples"))
                    .first();
            Long position = stored == null ? null : stored.getLong("position");
            flushes.add(new Flush(held.size(), position == null ? -1 : position));
            mongo.getCollection("samples").insertMany(List.copyOf(held));
            held.clear();
        }
    }

    @ProcessingGroup("samples")
    static final class Projection {
        private final MongoTemplate mongo;
        final List<Flush> flushes = new CopyOnWriteArrayList<>();

        Projection(MongoTemplate mongo) {
            this.mongo = mongo;
        }

        @EventHandler
        void on(String sample) {
            Samples samples = WriteBehind.ofCurrentUnitOfWork(this, () -> new Samples(mongo, flushes)).orElseThrow();
            samples.held.add(new Document("_id", sample));
        }
    }

    @Test
    void a_batch_is_written_once_and_before_its_position() {
        try (MongoWireServer server = new MongoWireServer(Ports.freePort(), null).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoTemplate home = new MongoTemplate(client, "kim-write-behind-test");
            ReadModelDatabase database = new ReadModelDatabase(client, home, "samples");
            StaticListableBeanFactory beans = new StaticListableBeanFactory();
            AxonReadModel readModel = new AxonReadModel("samples", "samples", database,
                    beans.getBeanProvider(Configuration.class), beans.getBeanProvider(
                    org.axonframework.eventsourcing.eventstore.EventStorageEngine.class), target -> null);
            beans.addBean("samples", readModel);
            Projection projection = new Projection(home);

            Configurer configurer = DefaultConfigurer.defaultConfiguration()
                    .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                    .configureSerializer(c -> JacksonSerializer.defaultSerializer());
            configurer.eventProcessing()
                    .registerTrackingEventProcessor("samples")
                    .registerTrackingEventProcessorConfiguration("samples",
                            c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(10))
                    .registerListenerInvocationErrorHandler("samples", c -> PropagatingErrorHandler.instance())
                    .registerEventHandler(c -> projection);
            AxonReadModel.tokenStoreOf(beans.getBeanProvider(AxonReadModel.class), "samples").configureModule(configurer);
            Configuration axon = configurer.buildConfiguration();
            beans.addBean("axon", axon);
            for (int i = 1; i <= 5; i++) {
                axon.eventStore().publish(GenericEventMessage.asEventMessage("sample-" + i));
            }
            axon.start();
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> readModel.status().position() != null
                        && readModel.status().position() == 4);
                assertThat(home.getCollection("samples").countDocuments()).isEqualTo(5);
                assertThat(projection.flushes).as("one write for the batch of five").extracting(Flush::documents)
                        .containsExactly(5);
                assertThat(projection.flushes.get(0).storedPosition()).as("the position stored when the batch was written")
                        .isLessThan(4);
            } finally {
                axon.shutdown();
            }
        }
    }

    @Test
    void outside_a_processor_what_is_held_back_is_written_as_the_unit_of_work_commits() {
        try (MongoWireServer server = new MongoWireServer(Ports.freePort(), null).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoTemplate mongo = new MongoTemplate(client, "kim-write-behind-test");
            Projection projection = new Projection(mongo);
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("sample-1"));
            projection.on("sample-1");
            projection.on("sample-2");
            assertThat(mongo.getCollection("samples").countDocuments()).as("held back until the commit").isZero();
            unitOfWork.commit();

            assertThat(mongo.getCollection("samples").countDocuments()).isEqualTo(2);
            assertThat(projection.flushes).extracting(Flush::documents).containsExactly(2);
            assertThat(WriteBehind.ofCurrentUnitOfWork(projection, () -> new Samples(mongo, List.of())))
                    .as("outside a unit of work nothing is held back").isEmpty();
        }
    }
}
