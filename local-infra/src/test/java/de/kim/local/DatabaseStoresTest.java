package de.kim.local;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Mongo-wire server keeps each database in a store of its own; a write without journal is not synced. */
class DatabaseStoresTest {

    @TempDir
    Path dir;

    @Test
    void each_database_has_a_file_of_its_own_which_goes_with_the_database() {
        int port = Ports.freePort();
        Path file = dir.resolve("kim.mv");
        try (MongoWireServer server = new MongoWireServer(port, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("kim-case-service").getCollection("case_files").insertOne(new Document("_id", "c1"));
            client.getDatabase("kim-case-service-case-files-1").getCollection("case_files").insertOne(new Document("_id", "c1"));
            client.getDatabase("kim-steering-service").getCollection("case_facts").insertOne(new Document("_id", "f1"));
            assertThat(dir.resolve("databases")).isDirectoryContaining("glob:**/kim-case-service.mv")
                    .isDirectoryContaining("glob:**/kim-case-service-case-files-1.mv")
                    .isDirectoryContaining("glob:**/kim-steering-service.mv");

            client.getDatabase("kim-case-service-case-files-1").drop();
            assertThat(dir.resolve("databases/kim-case-service-case-files-1.mv")).doesNotExist();
            // Only read: no file is left behind for it after the next start.
            client.getDatabase("kim-nobody").getCollection("anything").find().first();
        }
        try (MongoWireServer server = new MongoWireServer(port, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(client.listDatabaseNames().into(new ArrayList<>()))
                    .contains("kim-case-service", "kim-steering-service")
                    .doesNotContain("kim-case-service-case-files-1");
            assertThat(client.getDatabase("kim-steering-service").getCollection("case_facts").countDocuments()).isOne();
            assertThat(dir.resolve("databases/kim-nobody.mv")).doesNotExist();
            // Made again after its drop: a fresh, empty database.
            assertThat(client.getDatabase("kim-case-service-case-files-1").getCollection("case_files").countDocuments())
                    .isZero();
        }
    }

    @Test
    void databases_of_the_shared_file_stay_there_and_new_ones_get_their_own() {
        int port = Ports.freePort();
        Path file = dir.resolve("kim.mv");
        try (MVStore before = new MVStore.Builder().fileName(file.toString()).open()) {
            // What a server before this layout left: the database's maps in its one file.
            before.openMap("databases.kim-partner-service.partners").put("p1", "kept");
            before.openMap("meta.kim-partner-service.partners");
        }
        try (MongoWireServer server = new MongoWireServer(port, file).start()) {
            assertThat(server.store("kim-partner-service").getMapNames()).contains("databases.kim-partner-service.partners");
            assertThat(server.store("kim-case-service")).isNotSameAs(server.store("kim-partner-service"));
            assertThat(dir.resolve("databases/kim-partner-service.mv")).doesNotExist();
        }
    }

    @Test
    void a_write_commits_its_own_database_only() {
        try (MongoWireServer server = new MongoWireServer(Ports.freePort(), dir.resolve("kim.mv")).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> files = client.getDatabase("kim-case-service").getCollection("case_files");
            MongoCollection<Document> facts = client.getDatabase("kim-steering-service").getCollection("case_facts");
            facts.insertOne(new Document("_id", "f0"));
            long factsVersion = server.store("kim-steering-service").getCurrentVersion();
            for (int i = 0; i < 20; i++) {
                files.insertOne(new Document("_id", "c" + i));
            }
            assertThat(server.commits("kim-case-service").syncs()).isGreaterThanOrEqualTo(20);
            assertThat(server.store("kim-steering-service").getCurrentVersion())
                    .as("no commit of the facts' store for writes to the case files").isEqualTo(factsVersion);
        }
    }

    @Test
    void a_write_without_journal_is_answered_unsynced_and_made_durable_by_the_next_durable_write() {
        try (MongoWireServer server = new MongoWireServer(Ports.freePort(), dir.resolve("kim.mv")).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> rebuilt = client.getDatabase("kim-case-service-case-files-2").getCollection("case_files");
            rebuilt.insertOne(new Document("_id", "first"));
            long syncs = server.commits("kim-case-service-case-files-2").syncs();
            MVStore store = server.store("kim-case-service-case-files-2");
            MongoCollection<Document> bulk = rebuilt.withWriteConcern(WriteConcern.W1.withJournal(false));
            for (int batch = 0; batch < 5; batch++) {
                List<Document> documents = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    documents.add(new Document("_id", "b" + batch + "-" + i));
                }
                bulk.insertMany(documents);
            }
            assertThat(server.commits("kim-case-service-case-files-2").syncs()).as("no sync for a write without journal")
                    .isEqualTo(syncs);

            rebuilt.insertOne(new Document("_id", "last"));
            assertThat(server.commits("kim-case-service-case-files-2").syncs()).isEqualTo(syncs + 1);
            assertThat(store.hasUnsavedChanges()).as("the durable write committed the unsynced ones with it").isFalse();
            assertThat(rebuilt.countDocuments()).isEqualTo(1_002);
        }
    }

    @Test
    void in_memory_the_databases_are_kept_apart_too() {
        try (MongoWireServer server = new MongoWireServer(Ports.freePort(), null).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("a").getCollection("x").insertOne(new Document("_id", 1));
            client.getDatabase("b").getCollection("x").insertOne(new Document("_id", 1));
            assertThat(server.store("a")).isNotSameAs(server.store("b"));
            assertThat(client.getDatabase("a").getCollection("x").countDocuments()).isOne();
            assertThat(Files.exists(dir.resolve("databases"))).isFalse();
        }
    }
}
