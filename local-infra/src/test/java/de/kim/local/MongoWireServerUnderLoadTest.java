package de.kim.local;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read model read in full (steering reads all of a tenant's facts) while other clients keep
 * writing: the store commits new versions and frees the chunks of old ones meanwhile, and the
 * read must still see every document, as MongoDB does. With mongo-java-server's plain H2
 * backend this fails within seconds with "Chunk … not found" (found by the benchmark).
 */
class MongoWireServerUnderLoadTest {

    static final int FACTS = 20_000;

    @TempDir
    Path dir;

    @Test
    void a_full_read_sees_every_document_while_writes_and_commits_go_on() throws Exception {
        // A small page cache and no retention: pages are read from the file again and old chunks are freed at once.
        try (MongoWireServer server = new MongoWireServer(Ports.freePort(), dir.resolve("kim.mv"), store -> store.cacheSize(1)).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            server.store().setRetentionTime(0);
            MongoCollection<Document> facts = client.getDatabase("kim-steering").getCollection("case_facts");
            MongoCollection<Document> files = client.getDatabase("kim-cases").getCollection("case_files");
            for (int batch = 0; batch < FACTS / 1000; batch++) {
                List<Document> documents = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    documents.add(fact(batch * 1000 + i, 0));
                }
                facts.insertMany(documents);
            }
            AtomicBoolean reading = new AtomicBoolean(true);
            AtomicInteger writes = new AtomicInteger();
            // One client keeps changing the facts read in full, another writes to a second read model.
            CompletableFuture<Void> factWriter = CompletableFuture.runAsync(() -> keepWriting(facts, reading, writes));
            CompletableFuture<Void> fileWriter = CompletableFuture.runAsync(() -> keepWriting(files, reading, writes));
            // The store's background work, sped up: commits of new versions, and compaction moving live pages.
            CompletableFuture<Void> maintenance = CompletableFuture.runAsync(() -> {
                while (reading.get()) {
                    server.store().commit();
                    server.store().compact(90, 1024 * 1024);
                }
            });
            int reads = 0;
            try {
                for (long end = System.nanoTime() + 10_000_000_000L; System.nanoTime() < end; reads++) {
                    assertThat(facts.find().into(new ArrayList<>())).hasSize(FACTS);
                }
            } finally {
                reading.set(false);
            }
            CompletableFuture.allOf(factWriter, fileWriter, maintenance).get();
            System.out.println("full reads: " + reads + ", writes meanwhile: " + writes.get());
            assertThat(reads).isPositive();
        }
    }

    private static void keepWriting(MongoCollection<Document> collection, AtomicBoolean reading, AtomicInteger writes) {
        while (reading.get()) {
            int id = ThreadLocalRandom.current().nextInt(FACTS);
            collection.replaceOne(Filters.eq("_id", "c" + id), fact(id, writes.incrementAndGet()),
                    new ReplaceOptions().upsert(true));
        }
    }

    private static Document fact(int id, int version) {
        return new Document("_id", "c" + id).append("tenant", "kreis-mettmann").append("town", "Velbert")
                .append("version", version).append("padding", "x".repeat(400 + ThreadLocalRandom.current().nextInt(200)));
    }
}
