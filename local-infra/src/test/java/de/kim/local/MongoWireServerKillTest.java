package de.kim.local;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Mongo-wire server as {@code ./kim start} runs it, a process of its own, killed (SIGKILL)
 * while clients write through the real MongoDB driver: every write it acknowledged is in its file
 * when it is opened again. With H2's background commit (about a second) a kill lost the writes of
 * the last second, which the clients had been told were made.
 */
class MongoWireServerKillTest {

    static final int WRITERS = 6;
    /** Inserts acknowledged before the kill, at least: the kill must come under load. */
    static final int ACKNOWLEDGED_BEFORE_KILL = 100;

    @TempDir
    Path dir;

    @Test
    void every_acknowledged_write_survives_a_kill_of_the_server() throws Exception {
        int port = Ports.freePort();
        Path file = dir.resolve("kim.mv");
        Process server = startServerProcess(port, file);
        Set<String> inserted = ConcurrentHashMap.newKeySet();
        Set<String> upserted = ConcurrentHashMap.newKeySet();
        Set<String> deleted = ConcurrentHashMap.newKeySet();
        // A delete the kill cut off may have been made or not; only an acknowledged one must be.
        Set<String> deleteSent = ConcurrentHashMap.newKeySet();
        AtomicBoolean killed = new AtomicBoolean();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port
                + "/?connectTimeoutMS=2000&socketTimeoutMS=5000&serverSelectionTimeoutMS=2000&retryWrites=false")) {
            MongoCollection<Document> facts = client.getDatabase("kim-steering").getCollection("case_facts");
            List<CompletableFuture<Void>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; !killed.get(); i++) {
                        String id = "kreis-mettmann:w" + writer + "-" + i;
                        try {
                            facts.insertOne(new Document("_id", id).append("town", "Velbert").append("status", "OPEN"));
                            inserted.add(id);
                            if (i % 3 == 0) {
                                facts.updateOne(Filters.eq("_id", "kreis-mettmann:u" + writer + "-" + i),
                                        Updates.set("status", "CLOSED"), new UpdateOptions().upsert(true));
                                upserted.add("kreis-mettmann:u" + writer + "-" + i);
                            }
                            if (i % 5 == 0 && i > 0) {
                                String old = "kreis-mettmann:w" + writer + "-" + (i - 5);
                                deleteSent.add(old);
                                facts.deleteOne(Filters.eq("_id", old));
                                deleted.add(old);
                            }
                        } catch (RuntimeException refusedOrCutOff) {
                            // not acknowledged: the kill came first
                        }
                    }
                }));
            }
            // Killed under load once enough writes were acknowledged (at least five seconds, however slow the machine).
            Thread.sleep(5_000);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (inserted.size() <= ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
            killed.set(true);
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            server.destroyForcibly();
        }
        assertThat(inserted).hasSizeGreaterThan(ACKNOWLEDGED_BEFORE_KILL);

        try (MongoWireServer reopened = new MongoWireServer(Ports.freePort(), file).start();
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            MongoCollection<Document> facts = client.getDatabase("kim-steering").getCollection("case_facts");
            Set<String> stored = ConcurrentHashMap.newKeySet();
            facts.find().forEach(fact -> stored.add(fact.getString("_id")));
            List<String> lostInserts = inserted.stream().filter(id -> !deleteSent.contains(id) && !stored.contains(id)).toList();
            List<String> lostUpserts = upserted.stream().filter(id -> !stored.contains(id)).toList();
            List<String> deletedButBack = deleted.stream().filter(stored::contains).toList();
            assertThat(lostInserts).as("acknowledged inserts missing after the kill").isEmpty();
            assertThat(lostUpserts).as("acknowledged upserts missing after the kill").isEmpty();
            assertThat(deletedButBack).as("acknowledged deletes undone by the kill").isEmpty();
            assertThat(facts.countDocuments(Filters.in("_id", upserted))).isEqualTo(upserted.size());
            assertThat(facts.countDocuments(Filters.and(Filters.in("_id", upserted), Filters.ne("status", "CLOSED"))))
                    .isZero();
        }
    }

    /** What a rebuild relies on: its bulk load without journal, then one durable write, then the switch. */
    @Test
    void writes_without_journal_survive_a_kill_once_a_durable_write_of_their_database_is_acknowledged() throws Exception {
        int port = Ports.freePort();
        Path file = dir.resolve("kim.mv");
        Process server = startServerProcess(port, file);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port + "/?retryWrites=false")) {
            MongoCollection<Document> files = client.getDatabase("kim-case-service-case-files-1").getCollection("case_files");
            MongoCollection<Document> bulk = files.withWriteConcern(WriteConcern.W1.withJournal(false));
            for (int batch = 0; batch < 10; batch++) {
                List<Document> documents = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    documents.add(new Document("_id", "kreis-mettmann:c" + batch + "-" + i).append("town", "Hilden"));
                }
                bulk.insertMany(documents);
            }
            client.getDatabase("kim-case-service-case-files-1").getCollection("rebuilds")
                    .insertOne(new Document("_id", "case-files").append("complete", true));
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
        } finally {
            server.destroyForcibly();
        }
        try (MongoWireServer reopened = new MongoWireServer(Ports.freePort(), file).start();
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            assertThat(client.getDatabase("kim-case-service-case-files-1").getCollection("case_files").countDocuments())
                    .isEqualTo(5_000);
        }
    }

    @Test
    void writers_that_arrive_together_share_a_sync() throws Exception {
        try (MongoWireServer server = new MongoWireServer(Ports.freePort(), dir.resolve("kim.mv")).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> facts = client.getDatabase("kim-steering").getCollection("case_facts");
            facts.insertOne(new Document("_id", "warm-up"));
            long syncsBefore = server.commits("kim-steering").syncs();
            int perWriter = 200;
            List<CompletableFuture<Void>> writers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                int writer = w;
                writers.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        facts.insertOne(new Document("_id", "w" + writer + "-" + i));
                    }
                }));
            }
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            assertThat(facts.countDocuments()).isEqualTo(8L * perWriter + 1);
            long syncs = server.commits("kim-steering").syncs() - syncsBefore;
            assertThat(syncs).isPositive().isLessThan(8L * perWriter);
        }
    }

    private Process startServerProcess(int port, Path file) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dlogback.configurationFile=kim-infra-logback.xml", "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "mongo", String.valueOf(port), file.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("mongo.log").toFile())
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return process;
            } catch (java.io.IOException notYet) {
                assertThat(process.isAlive()).as("the Mongo-wire server process runs").isTrue();
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("Mongo-wire server not listening on " + port);
    }
}
