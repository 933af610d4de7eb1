package de.kim.local;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MongoWireServerTest {

    @TempDir
    Path dir;

    @Test
    void read_models_survive_a_stop_and_start_on_the_same_file() {
        int port = Ports.freePort();
        Path file = dir.resolve("kim.mv");
        try (MongoWireServer server = new MongoWireServer(port, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("kim-steering").getCollection("case_facts")
                    .insertOne(new Document("_id", "kreis-mettmann:c1").append("town", "Velbert"));
        }
        try (MongoWireServer server = new MongoWireServer(port, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            Document fact = client.getDatabase("kim-steering").getCollection("case_facts").find().first();
            assertThat(fact).isNotNull();
            assertThat(fact.getString("town")).isEqualTo("Velbert");
        }
    }

    @Test
    void read_models_written_by_the_plain_h2_backend_are_read_as_they_are() {
        int port = Ports.freePort();
        Path file = dir.resolve("kim.mv");
        MongoServer plain = new MongoServer(new H2Backend(file.toString()));
        try (MongoClient client = MongoClients.create(plain.bindAndGetConnectionString())) {
            client.getDatabase("kim-cases").getCollection("case_files")
                    .insertOne(new Document("_id", "kreis-mettmann:c1").append("town", "Ratingen"));
        } finally {
            plain.shutdown();
        }
        try (MongoWireServer server = new MongoWireServer(port, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(client.getDatabase("kim-cases").getCollection("case_files").countDocuments()).isEqualTo(1);
            assertThat(client.getDatabase("kim-cases").getCollection("case_files").find().first().getString("town"))
                    .isEqualTo("Ratingen");
        }
    }
}
