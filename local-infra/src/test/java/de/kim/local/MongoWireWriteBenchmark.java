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

    /**
     * A rebuild's writes: {@code kim.bench.documents} documents of a case file's size into a fresh
     * collection, in unordered batches of 1,000, one writer (as a read model's rebuild writes them).
     */
    @Test
    void batched_inserts_per_second() {
        int documents = Integer.getInteger("kim.bench.documents", 40_000);
        try (MongoWireServer server = new MongoWireServer(Ports.freePort(), dir.resolve("batched.mv")).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            for (int run = 1; run <= 3; run++) {
                MongoCollection<Document> files = client.getDatabase("kim-bench-" + run).getCollection("case_files");
                long start = System.nanoTime();
                long cpu = cpuNanos();
                List<Document> batch = new ArrayList<>(1_000);
                for (int i = 0; i < documents; i++) {
                    batch.add(fact(java.util.UUID.randomUUID().toString()));
                    if (batch.size() == 1_000) {
                        files.insertMany(batch, new com.mongodb.client.model.InsertManyOptions().ordered(false));
                        batch.clear();
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (cpuNanos() - cpu) / 1e9;
                System.out.printf("mongo-wire-batched: run %d  %,d documents in %.2f s  %,8.0f documents/s"
                        + "  CPU %.2f s (client and server)  %,8.0f documents per CPU-second%n",
                        run, documents, seconds, documents / seconds, cpuSeconds, documents / cpuSeconds);
            }
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
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
