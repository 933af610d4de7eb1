package de.kim.platform.readmodel;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.kim.local.MongoWireServer;
import de.kim.local.Ports;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.mapping.Document;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The declared indexes on the embedded Mongo-wire server, which keeps them (real MongoDB:
 * {@code CaseServiceOnProductionStoresTest}, where Docker runs).
 */
class ReadModelIndexesTest {

    @CompoundIndex(name = "tenant_town", def = "{'tenant': 1, 'town': 1}")
    @Document("samples")
    record Sample(@Id String id, String tenant, String town) {
    }

    @Test
    void indexes_are_made_sure_of_and_a_replay_starts_from_an_empty_read_model() {
        try (MongoWireServer server = new MongoWireServer(Ports.freePort(), null).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoTemplate mongo = new MongoTemplate(client, "kim-test");
            ReadModelIndexes.ensure(mongo, Sample.class);
            mongo.insert(new Sample("kreis-mettmann:1", "kreis-mettmann", "Velbert"));
            ReadModelIndexes.ensure(mongo, Sample.class);
            assertThat(mongo.indexOps(Sample.class).getIndexInfo()).extracting(IndexInfo::getName).contains("tenant_town");

            ReadModelIndexes.dropAndRecreate(mongo, Sample.class);

            assertThat(mongo.findAll(Sample.class)).isEmpty();
            mongo.insert(new Sample("kreis-mettmann:2", "kreis-mettmann", "Haan"));
            assertThat(mongo.findAll(Sample.class)).extracting(Sample::town).containsExactly("Haan");
        }
    }

    @Test
    void an_index_no_longer_declared_is_dropped_and_the_data_stays() {
        try (MongoWireServer server = new MongoWireServer(Ports.freePort(), null).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoTemplate mongo = new MongoTemplate(client, "kim-test");
            mongo.insert(new Sample("kreis-mettmann:1", "kreis-mettmann", "Velbert"));
            mongo.getCollection("samples").createIndex(new org.bson.Document("town", 1),
                    new com.mongodb.client.model.IndexOptions().name("town_retired"));

            ReadModelIndexes.ensure(mongo, Sample.class);

            assertThat(mongo.indexOps(Sample.class).getIndexInfo()).extracting(IndexInfo::getName)
                    .containsExactlyInAnyOrder("_id_", "tenant_town");
            assertThat(mongo.findAll(Sample.class)).extracting(Sample::town).containsExactly("Velbert");
        }
    }

    @Test
    void an_index_no_longer_declared_is_dropped_after_a_restart_of_the_store(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        int port = Ports.freePort();
        java.nio.file.Path file = dir.resolve("kim.mv");
        try (MongoWireServer server = new MongoWireServer(port, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoTemplate mongo = new MongoTemplate(client, "kim-test");
            mongo.insert(new Sample("kreis-mettmann:1", "kreis-mettmann", "Velbert"));
            mongo.getCollection("samples").createIndex(new org.bson.Document("town", 1),
                    new com.mongodb.client.model.IndexOptions().name("town_retired"));
        }
        try (MongoWireServer server = new MongoWireServer(port, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoTemplate mongo = new MongoTemplate(client, "kim-test");

            ReadModelIndexes.ensure(mongo, Sample.class);

            assertThat(mongo.indexOps(Sample.class).getIndexInfo()).extracting(IndexInfo::getName)
                    .containsExactlyInAnyOrder("_id_", "tenant_town");
            assertThat(mongo.findAll(Sample.class)).extracting(Sample::town).containsExactly("Velbert");
        }
    }
}
