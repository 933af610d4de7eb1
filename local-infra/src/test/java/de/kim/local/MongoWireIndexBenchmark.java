package de.kim.local;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The case list and the name search at volume, on the Mongo-wire server alone (no service, no
 * gateway): {@code kim.bench.documents} (100,000) case files of about 2 kB (5 tenants, 300 case
 * managers, 20 search tokens each) are loaded, then each query is timed as the case list sends it
 * (a page of 50 and its total) by a scan (no index), with the indexes {@code CaseFile} declares (built
 * over the loaded documents), and with an index on {@code tenant, openedOn} as well. Prints p50 and
 * p99 in ms ({@code -Dkim.bench.scan=false} leaves out the scans, which take seconds each). Run on purpose only (docs/BENCHMARKS.md): {@code mvn -B -o -q -pl local-infra verify
 * -Dtest=MongoWireIndexBenchmark -Dkim.bench=true -Dlogback.configurationFile=kim-infra-logback.xml}
 */
@EnabledIfSystemProperty(named = "kim.bench", matches = "true")
class MongoWireIndexBenchmark {

    static final int DOCUMENTS = Integer.getInteger("kim.bench.documents", 100_000);
    static final String[] TENANTS = {"kreis-mettmann", "stadt-essen", "kreis-wesel", "stadt-bonn", "kreis-kleve"};
    static final String[] STATUSES = {"OPEN", "OPEN", "OPEN", "CLOSED", "HANDED_OVER"};
    static final Instant START = Instant.parse("2016-01-01T00:00:00Z");
    /** Each query is run up to the given number of times, for at most this long (and at least three times). */
    static final long SECONDS_PER_QUERY = Long.getLong("kim.bench.seconds", 30);

    @TempDir
    Path dir;

    @Test
    void case_list_and_name_search_at_volume() {
        try (MongoWireServer server = new MongoWireServer(Ports.freePort(), dir.resolve("kim.mv")).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> files = client.getDatabase("kim-cases").getCollection("case_files");
            Random random = new Random(42);
            long start = System.nanoTime();
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                batch.add(caseFile(random, i));
                if (batch.size() == 1_000) {
                    files.insertMany(batch, new InsertManyOptions().ordered(false));
                    batch.clear();
                }
            }
            System.out.printf("mongo-wire-index: %,d case files loaded in %.1f s%n", DOCUMENTS, (System.nanoTime() - start) / 1e9);
            if (Boolean.parseBoolean(System.getProperty("kim.bench.scan", "true"))) {
                measure("scan", files, 3);
            }
            start = System.nanoTime();
            files.createIndex(Indexes.ascending("tenant", "status", "openedOn"));
            files.createIndex(Indexes.ascending("tenant", "assignee", "status"));
            files.createIndex(Indexes.ascending("tenant", "searchTokens"));
            files.createIndex(Indexes.ascending("tenant", "caseNumber"));
            files.createIndex(Indexes.ascending("status", "closedOn"));
            System.out.printf("mongo-wire-index: CaseFile's five indexes built in %.1f s%n", (System.nanoTime() - start) / 1e9);
            measure("CaseFile's indexes", files, 200);
            files.createIndex(Indexes.ascending("tenant", "openedOn"), new IndexOptions().name("tenant_opened"));
            measure("and tenant+openedOn", files, 200);
        }
    }

    static void measure(String setup, MongoCollection<Document> files, int maxRuns) {
        Map<String, Supplier<Object>> queries = new LinkedHashMap<>();
        Random random = new Random(7);
        Bson newestFirst = Sorts.orderBy(Sorts.descending("openedOn"), Sorts.descending("caseNumber"), Sorts.descending("_id"));
        queries.put("case manager's open cases, page 1 + total", () -> {
            Bson filter = Filters.and(Filters.eq("tenant", TENANTS[random.nextInt(5)]),
                    Filters.eq("assignee", "cm-" + random.nextInt(300)), Filters.eq("status", "OPEN"));
            return page(files, filter, newestFirst, 0);
        });
        queries.put("tenant's open cases by openedOn desc, page 1 + total", () ->
                page(files, Filters.and(Filters.eq("tenant", TENANTS[random.nextInt(5)]), Filters.eq("status", "OPEN")),
                        newestFirst, 0));
        queries.put("tenant's cases by openedOn desc, page 1 + total", () ->
                page(files, Filters.eq("tenant", TENANTS[random.nextInt(5)]), newestFirst, 0));
        queries.put("tenant's cases by openedOn desc, page 20 + total", () ->
                page(files, Filters.eq("tenant", TENANTS[random.nextInt(5)]), newestFirst, 19 * 50));
        queries.put("name search (one token), page 1 + total", () ->
                page(files, Filters.and(Filters.eq("tenant", TENANTS[random.nextInt(5)]),
                        Filters.all("searchTokens", token(random.nextInt(2_000)))), newestFirst, 0));
        for (Map.Entry<String, Supplier<Object>> query : queries.entrySet()) {
            for (int i = 0; i < (maxRuns >= 50 ? 3 : 1); i++) {
                query.getValue().get();
            }
            int runs = maxRuns;
            long[] nanos = new long[runs];
            long until = System.nanoTime() + SECONDS_PER_QUERY * 1_000_000_000L;
            int done = 0;
            while (done < runs && (done < 3 || System.nanoTime() < until)) {
                long start = System.nanoTime();
                query.getValue().get();
                nanos[done++] = System.nanoTime() - start;
            }
            nanos = Arrays.copyOf(nanos, done);
            Arrays.sort(nanos);
            runs = done;
            System.out.printf("mongo-wire-index: %-20s %-55s p50 %8.1f ms  p99 %8.1f ms  (%d runs)%n", setup, query.getKey(),
                    nanos[runs / 2] / 1e6, nanos[Math.min(runs - 1, (int) Math.ceil(runs * 0.99) - 1)] / 1e6, runs);
        }
    }

    /** A page as the case list asks it: its total, then 50 rows. */
    static Object page(MongoCollection<Document> files, Bson filter, Bson sort, int skip) {
        long total = files.countDocuments(filter);
        List<Document> rows = files.find(filter).sort(sort).skip(skip).limit(50).into(new ArrayList<>());
        return total + rows.size();
    }

    static String token(int n) {
        return Base64.getEncoder().encodeToString(("token-" + n + "-of-the-blind-index-hmac").getBytes());
    }

    /** An invented case file of about 2 kB: the fields the list filters and sorts on, tokens, and sealed data. */
    static Document caseFile(Random random, int i) {
        String tenant = TENANTS[i % TENANTS.length];
        List<String> tokens = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            tokens.add(token(random.nextInt(2_000)));
        }
        byte[] sealed = new byte[700];
        random.nextBytes(sealed);
        return new Document("_id", tenant + ":" + java.util.UUID.nameUUIDFromBytes(("case" + i).getBytes()))
                .append("tenant", tenant)
                .append("caseNumber", "KIM-" + (2016 + i * 10 / DOCUMENTS) + "-" + String.format("%05d", i))
                .append("client", new Binary(sealed))
                .append("town", "town-" + random.nextInt(10))
                .append("targetGroup", "GROUP_" + random.nextInt(6))
                .append("assignee", "cm-" + random.nextInt(300))
                .append("status", STATUSES[random.nextInt(STATUSES.length)])
                .append("openedOn", java.util.Date.from(START.plus((long) i * 3650 / DOCUMENTS, ChronoUnit.DAYS)))
                .append("searchTokens", tokens)
                .append("needs", List.of(new Document("field", "LANGUAGE").append("note", new Binary(new byte[60])),
                        new Document("field", "WORK").append("note", new Binary(new byte[60]))))
                .append("version", 12L);
    }
}
