package de.kim.local;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What durable acknowledgement costs: inserts of a steering fact's size per second through the
 * real driver, into mongo-java-server's plain H2 backend (answers from memory, commits about a
 * second later) and into the Mongo-wire server as the platform runs it (commit and fsync before
 * the answer, group commit), for 1, 4 and 16 writers. Run on purpose only (docs/BENCHMARKS.md):
 * {@code mvn -B -o -q -pl local-infra verify -Dtest=MongoWireWriteBenchmark -Dkim.bench=true
 * -Dlogback.configurationFile=kim-infra-logback.xml} (without the last, the driver's and the
 * server's debug log of every command is measured too)
 */
@EnabledIfSystemProperty(named = "kim.bench", matches = "true")
class MongoWireWriteBenchmark {

    static final long SECONDS = Long.getLong("kim.bench.seconds", 8);

    @TempDir
    Path dir;

    @Test
    void writes_per_second_before_and_after_durable_acknowledgement() throws Exception {
        for (int writers : List.of(1, 4, 16)) {
            MongoServer plain = new MongoServer(new H2Backend(dir.resolve("plain-" + writers + ".mv").toString()));
            String plainUri = plain.bindAndGetConnectionString();
            double before;
            try {
                before = rate(plainUri, writers);
            } finally {
                plain.shutdown();
            }
            double after;
            try (MongoWireServer server = new MongoWireServer(Ports.freePort(), dir.resolve("durable-" + writers + ".mv"))
                    .start()) {
                after = rate(server.connectionString(), writers);
            }
            System.out.printf("mongo-wire-writes: %2d writers  plain H2 backend %,8.0f writes/s   durable %,8.0f writes/s%n",
                    writers, before, after);
        }
    }

    private static double rate(String uri, int writers) throws Exception {
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> facts = client.getDatabase("kim-bench").getCollection("case_facts");
            for (int i = 0; i < 500; i++) {
                facts.insertOne(fact("warm-up-" + i));
            }
            AtomicLong written = new AtomicLong();
            long end = System.nanoTime() + SECONDS * 1_000_000_000L;
            List<CompletableFuture<Void>> running = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                running.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; System.nanoTime() < end; i++) {
                        facts.insertOne(fact("w" + writer + "-" + i));
                        written.incrementAndGet();
                    }
                }, command -> new Thread(command).start()));
            }
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get();
            return written.get() / (double) SECONDS;
        }
    }

    /** About the size of one of steering's case facts; invented values. */
    private static Document fact(String id) {
        return new Document("_id", "kreis-muster:" + id).append("tenant", "kreis-muster").append("town", "Musterstadt")
                .append("status", "OPEN").append("openedOn", "2026-03-02").append("closedOn", null)
                .append("needs", List.of("SPRACHE", "ARBEIT")).append("measures", 3).append("sequence", 7L);
    }
}
