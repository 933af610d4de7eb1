package de.kim.local;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MongoWireServerTest {

    @TempDir
    Path dir;

    @Test
    void answers_hello_as_the_health_check_of_a_service_asks_it() {
        try (MongoWireServer server = new MongoWireServer(Ports.freePort(), dir.resolve("kim.mv")).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            org.bson.Document hello = client.getDatabase("admin").runCommand(new org.bson.Document("hello", 1));
            assertThat(hello.get("ok")).isIn(1, 1.0);
            assertThat(hello.getInteger("maxWireVersion")).isPositive();
        }
    }

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

    @Test
    void ids_written_by_the_plain_h2_backend_are_found_and_stay_unique() {
        int port = Ports.freePort();
        Path file = dir.resolve("kim.mv");
        MongoServer plain = new MongoServer(new H2Backend(file.toString()));
        try (MongoClient client = MongoClients.create(plain.bindAndGetConnectionString())) {
            MongoCollection<Document> files = client.getDatabase("kim-cases").getCollection("case_files");
            for (int i = 0; i < 300; i++) {
                files.insertOne(new Document("_id", "kreis-mettmann:c" + i).append("town", "Ratingen"));
            }
        } finally {
            plain.shutdown();
        }
        for (int start = 0; start < 2; start++) {
            try (MongoWireServer server = new MongoWireServer(port, file).start();
                 MongoClient client = MongoClients.create(server.connectionString())) {
                MongoCollection<Document> files = client.getDatabase("kim-cases").getCollection("case_files");
                assertThat(files.find(Filters.eq("_id", "kreis-mettmann:c217")).first()).isNotNull();
                assertThatThrownBy(() -> files.insertOne(new Document("_id", "kreis-mettmann:c42")))
                        .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
                files.insertOne(new Document("_id", "kreis-mettmann:new" + start).append("town", "Hilden"));
                assertThat(files.countDocuments()).isEqualTo(301 + start);
            }
        }
    }

    @Test
    void documents_keep_every_bson_type_across_a_restart() {
        int port = Ports.freePort();
        Path file = dir.resolve("kim.mv");
        Document written = new Document("_id", "kreis-mettmann:c1").append("town", "Mettmann")
                .append("count", 7).append("sequence", 12L).append("share", 0.25).append("open", true)
                .append("closedOn", null).append("openedAt", new java.util.Date(1_700_000_000_000L))
                .append("needs", java.util.List.of("SPRACHE", "ARBEIT"))
                .append("plan", new Document("measures", 3).append("due", "2026-05-01"))
                .append("seal", new org.bson.types.Binary(new byte[] {1, 2, 3}))
                .append("text", "Große Straße");
        try (MongoWireServer server = new MongoWireServer(port, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("kim-cases").getCollection("case_files").insertOne(written);
        }
        try (MongoWireServer server = new MongoWireServer(port, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            Document read = client.getDatabase("kim-cases").getCollection("case_files").find().first();
            assertThat(read).isEqualTo(written);
        }
    }
}
