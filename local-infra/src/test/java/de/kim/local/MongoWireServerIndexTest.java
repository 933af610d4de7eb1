package de.kim.local;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Non-unique indexes of the Mongo-wire server: a find or count through an index answers exactly as
 * a scan of the same documents does (the same documents in the same order), for many random queries
 * over random documents, across updates that move documents between keys, deletes, restarts, an index
 * made after its documents, and a file written before the server kept indexes. Each collection
 * {@code indexed} is compared with a collection {@code scanned} of the same documents and no index.
 */
class MongoWireServerIndexTest {

    static final String[] TENANTS = {"kreis-mettmann", "stadt-essen", "kreis-wesel"};
    static final String[] STATUSES = {"OPEN", "CLOSED", "HANDED_OVER"};
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void finds_and_counts_through_indexes_answer_as_a_scan_does() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        int port = Ports.freePort();
        Path file = dir.resolve("kim.mv");
        try (MongoWireServer server = new MongoWireServer(port, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase db = client.getDatabase("kim-cases");
            createIndexes(db.getCollection("indexed"));
            insertBoth(db, random, 0, 600);
            compare(db, random, seed, "after inserts");
            for (int round = 0; round < 300; round++) {
                Bson filter = Filters.eq("_id", "c" + random.nextInt(650));
                if (random.nextInt(10) == 0) {
                    both(db).forEach(c -> c.deleteOne(filter));
                } else {
                    Bson change = change(random);
                    both(db).forEach(c -> {
                        try {
                            c.updateOne(filter, change);
                        } catch (MongoWriteException refused) {
                            // $addToSet on a single token: refused alike in both collections
                        }
                    });
                }
            }
            both(db).forEach(c -> c.updateMany(Filters.eq("status", "HANDED_OVER"), Updates.set("status", "OPEN")));
            both(db).forEach(c -> c.deleteMany(Filters.eq("assignee", "cm-3")));
            insertBoth(db, random, 600, 650);
            compare(db, random, seed, "after updates and deletes");
        }
        try (MongoWireServer server = new MongoWireServer(port, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            compare(client.getDatabase("kim-cases"), random, seed, "after a restart");
        }
    }

    @Test
    void an_index_made_after_its_documents_holds_them() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        try (MongoWireServer server = new MongoWireServer(Ports.freePort(), dir.resolve("kim.mv")).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase db = client.getDatabase("kim-cases");
            insertBoth(db, random, 0, 400);
            createIndexes(db.getCollection("indexed"));
            compare(db, random, seed, "index made after the documents");
        }
    }

    @Test
    void an_index_made_from_more_entries_than_one_sorted_run_holds_each_of_them() {
        int words = 100;
        int documents = SecondaryIndex.BUILD_RUN / words + 500;
        try (MongoWireServer server = new MongoWireServer(Ports.freePort(), dir.resolve("kim.mv")).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> indexed = client.getDatabase("kim-cases").getCollection("indexed");
            Map<String, Long> expected = new HashMap<>();
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < documents; i++) {
                List<String> tokens = new ArrayList<>();
                for (int j = 0; j < words; j++) {
                    String token = "w" + ((i * 31 + j * 10) % 997);
                    tokens.add(token);
                    expected.merge(token, 1L, Long::sum);
                }
                batch.add(new Document("_id", "c" + i).append("searchTokens", tokens));
            }
            indexed.insertMany(batch);
            indexed.createIndex(Indexes.ascending("searchTokens"));

            long before = server.documentsRead();
            for (String token : List.of("w0", "w1", "w500", "w996")) {
                assertThat(indexed.countDocuments(Filters.eq("searchTokens", token))).as(token)
                        .isEqualTo(expected.get(token));
            }
            assertThat(server.documentsRead() - before).as("counted from the index's entries").isZero();
            assertThat(indexed.find(Filters.eq("searchTokens", "w42")).into(new ArrayList<>()))
                    .hasSize(expected.get("w42").intValue())
                    .allSatisfy(found -> assertThat(found.getList("searchTokens", String.class)).contains("w42"));
        }
    }

    @Test
    void a_file_written_without_index_maps_opens_and_answers_through_its_indexes() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        int port = Ports.freePort();
        Path file = dir.resolve("kim.mv");
        MongoServer plain = new MongoServer(new H2Backend(file.toString()));
        try (MongoClient client = MongoClients.create(plain.bindAndGetConnectionString())) {
            MongoDatabase db = client.getDatabase("kim-cases");
            createIndexes(db.getCollection("indexed"));
            insertBoth(db, random, 0, 400);
        } finally {
            plain.shutdown();
        }
        try (MongoWireServer server = new MongoWireServer(port, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase db = client.getDatabase("kim-cases");
            compare(db, random, seed, "file of the plain backend");
            long before = server.documentsRead();
            db.getCollection("indexed").find(Filters.and(Filters.eq("tenant", TENANTS[0]),
                    Filters.eq("assignee", "cm-1"), Filters.eq("status", "OPEN"))).into(new ArrayList<>());
            assertThat(server.documentsRead() - before).isLessThan(100);
        }
    }

    @Test
    void finds_and_counts_read_only_the_documents_their_index_points_to() {
        try (MongoWireServer server = new MongoWireServer(Ports.freePort(), dir.resolve("kim.mv")).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase db = client.getDatabase("kim-cases");
            createIndexes(db.getCollection("indexed"));
            insertBoth(db, new Random(7), 0, 2_000);
            MongoCollection<Document> indexed = db.getCollection("indexed");
            Bson managersCases = Filters.and(Filters.eq("tenant", TENANTS[1]), Filters.eq("assignee", "cm-2"),
                    Filters.eq("status", "OPEN"));

            long before = server.documentsRead();
            int found = indexed.find(managersCases).into(new ArrayList<>()).size();
            assertThat(found).isPositive();
            assertThat(server.documentsRead() - before).isEqualTo(found);

            before = server.documentsRead();
            long counted = indexed.countDocuments(Filters.and(Filters.eq("tenant", TENANTS[1]), Filters.eq("status", "OPEN")));
            assertThat(counted).isGreaterThan(100);
            assertThat(server.documentsRead() - before).as("a count the index decides reads no document").isZero();

            before = server.documentsRead();
            List<Document> page = indexed.find(Filters.and(Filters.eq("tenant", TENANTS[1]), Filters.eq("status", "OPEN")))
                    .sort(Sorts.descending("openedOn")).limit(10).into(new ArrayList<>());
            assertThat(page).hasSize(10);
            assertThat(server.documentsRead() - before).as("a page sorted by the index reads about its rows")
                    .isLessThan(counted / 2);

            before = server.documentsRead();
            long oneWord = indexed.countDocuments(Filters.and(Filters.eq("tenant", TENANTS[1]),
                    Filters.eq("searchTokens", "t3")));
            assertThat(oneWord).isPositive();
            assertThat(server.documentsRead() - before).as("a one-word search's total is counted from the index").isZero();

            String tenant = db.getCollection("scanned").find(Filters.eq("_id", "c17")).first().getString("tenant");
            before = server.documentsRead();
            assertThat(indexed.find(Filters.and(Filters.eq("_id", "c17"), Filters.eq("tenant", tenant))).into(new ArrayList<>()))
                    .hasSize(1);
            assertThat(server.documentsRead() - before).as("a file by its id: that file, not its tenant's").isEqualTo(1);
            assertThat(indexed.countDocuments(Filters.and(Filters.eq("_id", "c17"), Filters.eq("tenant", tenant)))).isEqualTo(1);

            before = server.documentsRead();
            db.getCollection("scanned").find(managersCases).into(new ArrayList<>());
            assertThat(server.documentsRead() - before).as("without an index, every document").isEqualTo(2_000);
        }
    }

    @Test
    void a_find_through_an_index_sees_each_document_once_while_writers_move_it_between_keys() throws Exception {
        try (MongoWireServer server = new MongoWireServer(Ports.freePort(), dir.resolve("kim.mv")).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> indexed = client.getDatabase("kim-cases").getCollection("indexed");
            indexed.createIndex(Indexes.ascending("tenant", "status"));
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                documents.add(new Document("_id", "c" + i).append("tenant", TENANTS[0]).append("status", STATUSES[i % 3]));
            }
            indexed.insertMany(documents);
            AtomicBoolean reading = new AtomicBoolean(true);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                Random random = new Random();
                while (reading.get()) {
                    indexed.updateOne(Filters.eq("_id", "c" + random.nextInt(500)),
                            Updates.set("status", STATUSES[random.nextInt(3)]));
                }
            });
            try {
                for (int read = 0; read < 200; read++) {
                    assertThat(indexed.find(Filters.eq("tenant", TENANTS[0])).into(new ArrayList<>())).hasSize(500);
                    assertThat(indexed.countDocuments(Filters.eq("tenant", TENANTS[0]))).isEqualTo(500);
                }
            } finally {
                reading.set(false);
                writer.get();
            }
        }
    }

    @Test
    void indexes_are_built_again_after_the_server_was_killed() {
        int port = Ports.freePort();
        Path file = dir.resolve("kim.mv");
        Random random = new Random(11);
        try (MongoWireServer server = new MongoWireServer(port, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase db = client.getDatabase("kim-cases");
            createIndexes(db.getCollection("indexed"));
            insertBoth(db, random, 0, 300);
            // What a kill between a write's change to the documents and to an index leaves behind.
            var map = server.store("kim-cases").openMap("kim-cases.indexed._secondary_tenant_1_status_1_openedOn_1");
            map.remove(map.firstKey());
            server.stopAsIfKilled();
        }
        try (MongoWireServer server = new MongoWireServer(port, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            compare(client.getDatabase("kim-cases"), random, 11, "after a kill");
        }
    }

    static void createIndexes(MongoCollection<Document> indexed) {
        indexed.createIndex(Indexes.ascending("tenant", "status", "openedOn"));
        indexed.createIndex(Indexes.ascending("tenant", "assignee", "status"));
        indexed.createIndex(Indexes.ascending("tenant", "searchTokens"));
        indexed.createIndex(Indexes.compoundIndex(Indexes.ascending("tenant"), Indexes.descending("caseNumber")),
                new IndexOptions().name("tenant_case_number"));
        indexed.createIndex(Indexes.ascending("score"));
    }

    static List<MongoCollection<Document>> both(MongoDatabase db) {
        return List.of(db.getCollection("indexed"), db.getCollection("scanned"));
    }

    static void insertBoth(MongoDatabase db, Random random, int from, int to) {
        List<Document> documents = new ArrayList<>();
        for (int i = from; i < to; i++) {
            documents.add(caseFile(random, "c" + i));
        }
        both(db).forEach(c -> c.insertMany(documents.stream().map(d -> new Document(d)).toList()));
    }

    /** An invented case file: some fields missing or null, tokens as an array (sometimes empty) or a single value. */
    static Document caseFile(Random random, String id) {
        Document file = new Document("_id", id).append("tenant", TENANTS[random.nextInt(TENANTS.length)]);
        maybe(random, file, "status", STATUSES[random.nextInt(STATUSES.length)]);
        maybe(random, file, "assignee", "cm-" + random.nextInt(6));
        maybe(random, file, "openedOn", java.util.Date.from(START.plus(random.nextInt(40), ChronoUnit.DAYS)));
        maybe(random, file, "caseNumber", "KIM-2026-" + String.format("%05d", random.nextInt(400)));
        switch (random.nextInt(6)) {
            case 0 -> file.append("score", random.nextInt(5));
            case 1 -> file.append("score", random.nextInt(5) + 0.5);
            case 2 -> file.append("score", (long) random.nextInt(5));
            default -> { }
        }
        switch (random.nextInt(8)) {
            case 0 -> { }
            case 1 -> file.append("searchTokens", List.of());
            case 2 -> file.append("searchTokens", "t" + random.nextInt(10));
            default -> file.append("searchTokens", tokens(random));
        }
        return file.append("text", "x".repeat(random.nextInt(50)));
    }

    static List<String> tokens(Random random) {
        List<String> tokens = new ArrayList<>();
        for (int i = random.nextInt(5); i >= 0; i--) {
            tokens.add("t" + random.nextInt(10));
        }
        return tokens;
    }

    static void maybe(Random random, Document file, String field, Object value) {
        int dice = random.nextInt(10);
        if (dice == 0) {
            file.append(field, null);
        } else if (dice > 1) {
            file.append(field, value);
        }
    }

    static Bson change(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> Updates.set("status", STATUSES[random.nextInt(STATUSES.length)]);
            case 1 -> Updates.set("tenant", TENANTS[random.nextInt(TENANTS.length)]);
            case 2 -> Updates.unset("assignee");
            case 3 -> Updates.set("searchTokens", tokens(random));
            case 4 -> Updates.addToSet("searchTokens", "t" + random.nextInt(10));
            case 5 -> Updates.set("openedOn", java.util.Date.from(START.plus(random.nextInt(40), ChronoUnit.DAYS)));
            default -> Updates.set("assignee", "cm-" + random.nextInt(6));
        };
    }

    static Bson filter(Random random) {
        List<Bson> parts = new ArrayList<>();
        parts.add(Filters.eq("tenant", TENANTS[random.nextInt(TENANTS.length)]));
        if (random.nextBoolean()) {
            parts.add(random.nextInt(4) == 0 ? Filters.in("status", "OPEN", "CLOSED")
                    : Filters.eq("status", STATUSES[random.nextInt(STATUSES.length)]));
        }
        if (random.nextInt(3) == 0) {
            parts.add(Filters.eq("assignee", "cm-" + random.nextInt(6)));
        }
        if (random.nextInt(4) == 0) {
            int form = random.nextInt(3);
            parts.add(form == 0 ? Filters.eq("searchTokens", "t" + random.nextInt(10))
                    : form == 1 ? Filters.all("searchTokens", "t" + random.nextInt(10))
                    : Filters.all("searchTokens", "t" + random.nextInt(10), "t" + random.nextInt(10)));
        }
        if (random.nextInt(6) == 0) {
            parts.add(Filters.gte("openedOn", java.util.Date.from(START.plus(20, ChronoUnit.DAYS))));
        }
        if (random.nextInt(8) == 0) {
            parts.add(Filters.eq("status", null));
        }
        if (random.nextInt(5) == 0) {
            return Filters.eq("score", random.nextInt(5));
        }
        return random.nextInt(5) == 0 ? Filters.and(parts) : new Document(and(parts));
    }

    /** The parts as one plain query document, as Spring Data writes criteria on distinct fields. */
    static Document and(List<Bson> parts) {
        Document query = new Document();
        for (Bson part : parts) {
            Document rendered = part.toBsonDocument().entrySet().stream().collect(Document::new,
                    (d, e) -> d.append(e.getKey(), e.getValue()), Document::putAll);
            rendered.forEach(query::putIfAbsent);
        }
        return query;
    }

    static Bson sort(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> null;
            case 1 -> Sorts.ascending("openedOn");
            case 2 -> Sorts.descending("openedOn");
            case 3 -> Sorts.orderBy(Sorts.descending("openedOn"), Sorts.descending("caseNumber"), Sorts.descending("_id"));
            case 4 -> Sorts.orderBy(Sorts.ascending("status"), Sorts.ascending("openedOn"));
            case 5 -> Sorts.descending("caseNumber");
            default -> Sorts.descending("score");
        };
    }

    static void compare(MongoDatabase db, Random random, long seed, String when) {
        MongoCollection<Document> indexed = db.getCollection("indexed");
        MongoCollection<Document> scanned = db.getCollection("scanned");
        assertThat(indexed.countDocuments()).isEqualTo(scanned.countDocuments());
        for (int i = 0; i < 400; i++) {
            Bson filter = filter(random);
            Bson sort = sort(random);
            int skip = random.nextInt(3) == 0 ? random.nextInt(30) : 0;
            int limit = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(25);
            String what = when + ", seed " + seed + ": " + filter.toBsonDocument() + " sort " + (sort == null ? "none" : sort.toBsonDocument())
                    + " skip " + skip + " limit " + limit;
            assertThat(indexed.find(filter).sort(sort).skip(skip).limit(limit).into(new ArrayList<>())).as(what)
                    .isEqualTo(scanned.find(filter).sort(sort).skip(skip).limit(limit).into(new ArrayList<>()));
            assertThat(indexed.countDocuments(filter)).as(what).isEqualTo(scanned.countDocuments(filter));
        }
    }
}
