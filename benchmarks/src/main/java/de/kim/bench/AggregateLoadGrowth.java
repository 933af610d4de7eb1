package de.kim.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Does loading an aggregate get slower as the event store grows? Axon's JDBC event store, wired
 * as the services wire it (Spring transactions on a Hikari pool, Jackson, the schema of
 * {@code EventStoreSchema}), on an H2 file with their settings, is filled in batches to each
 * size (10 events per aggregate, aggregates interleaved as concurrent cases are), and at each
 * size three loads are timed as an aggregate repository does them (snapshot, then the events
 * after it, every payload deserialised): an aggregate of 50 events written first, one of 1,000
 * events with a snapshot at 950 (so 50 events after the snapshot), and a random aggregate of
 * the fill. At each size, too, every event is read once as a rebuild reads them (the storage
 * engine's stream from the start, every payload deserialised), and the store's size is taken.
 * The same runs on PostgreSQL ({@code --url}), in a schema of its own made anew and dropped after.
 */
@Command(name = "aggregate-load-growth", description = "How loading one aggregate grows with the event store.")
final class AggregateLoadGrowth implements Callable<Integer> {

    private static final String TYPE = "BenchCase";
    private static final int PER_AGGREGATE = 10;
    private static final String FIFTY = "probe-fifty";
    private static final String SNAPSHOTTED = "probe-snapshotted";
    /** The schema of the benchmark's tables on PostgreSQL. */
    static final String SCHEMA = "kim_aggregate_load_growth";

    /** An event of realistic size (the services' events with a sealed client are a few hundred bytes). */
    public record CaseEvent(String caseId, int sequence, String town, String fieldOfAction, String text) {
    }

    /** A snapshot of realistic size: the state of a case with many entries. */
    public record CaseState(String caseId, int version, List<String> entries) {
    }

    @Option(names = "--sizes", split = ",", defaultValue = "10000,100000,1000000",
            description = "aggregates in the store at each measurement")
    int[] sizes;
    @Option(names = "--loads", defaultValue = "1000", description = "aggregates loaded at each size")
    int loads;
    @Option(names = "--warmup", defaultValue = "200", description = "loads before measuring")
    int warmup;
    @Option(names = "--batch", defaultValue = "1000", description = "aggregates appended per transaction")
    int batch;
    @Option(names = "--fill-threads", description = "threads appending (default: one per core)")
    int fillThreads = Runtime.getRuntime().availableProcessors();
    @Option(names = "--dir", description = "directory of the H2 file (default: a new temporary one, deleted after)")
    Path givenDir;
    @Option(names = "--url", description = "JDBC URL (default: an H2 file in --dir); on PostgreSQL the tables go into"
            + " the schema " + SCHEMA + ", made anew and dropped after")
    String givenUrl;
    @Option(names = "--user", defaultValue = "sa")
    String user;
    @Option(names = "--password", defaultValue = "")
    String password;
    @Option(names = "--out", description = "file for the results (default: standard output)")
    String out;

    @Override
    public Integer call() throws Exception {
        Path dir = givenDir != null ? givenDir : Files.createTempDirectory("kim-bench-aggregates");
        boolean ownDir = givenDir == null;
        String url = givenUrl != null ? givenUrl : "jdbc:h2:file:" + dir.toAbsolutePath().resolve("eventstore")
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";

        boolean postgres = url.startsWith("jdbc:postgresql:");
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(10);
        if (postgres) {
            schema(url, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE; CREATE SCHEMA " + SCHEMA);
            pool.setSchema(SCHEMA);
        }
        Results results = new Results();
        try (HikariDataSource dataSource = new HikariDataSource(pool)) {
            TransactionManager transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
            JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
            JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                    .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                    .transactionManager(transactions)
                    .eventSerializer(serializer)
                    .snapshotSerializer(serializer)
                    .build();
            engine.createSchema(PostgresEventTableFactory.INSTANCE);
            if (countEvents(dataSource) > 0) {
                throw new IllegalStateException("the event store at " + url + " is not empty: give a fresh --dir");
            }
            EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();

            // The probes first: the oldest aggregates of the store, as the cases a long-running Kommune keeps loading.
            transactions.executeInTransaction(() -> engine.appendEvents(events(FIFTY, 0, 50)));
            for (int from = 0; from < 1000; from += batch) {
                int start = from;
                transactions.executeInTransaction(() -> engine.appendEvents(events(SNAPSHOTTED, start,
                        Math.min(1000, start + batch))));
            }
            transactions.executeInTransaction(() -> engine.storeSnapshot(new GenericDomainEventMessage<>(TYPE,
                    SNAPSHOTTED, 949, state(SNAPSHOTTED, 950))));
            // Warm the read path up before the first size, so that the first row is not the JIT's.
            measure(store, FIFTY, 50, 0, 5 * warmup);
            measure(store, SNAPSHOTTED, 51, 0, 5 * warmup);
            long written = 1050;
            int aggregates = 0;
            Random random = new Random(42);
            results.put("url", url);
            results.put("sizes", java.util.Arrays.stream(sizes).mapToObj(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(",")));
            results.put("loads", loads);
            for (int size : sizes) {
                writeDelay(dataSource, url, 500);
                long fillStart = System.nanoTime();
                long filledBefore = written;
                int inBatch = Math.max(1, batch / PER_AGGREGATE);
                int batches = (int) Math.max(0, Math.ceil((size - written) / (double) (inBatch * PER_AGGREGATE)));
                fill(engine, transactions, aggregates, inBatch, batches, fillThreads);
                aggregates += batches * inBatch;
                written += (long) batches * inBatch * PER_AGGREGATE;
                double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
                writeDelay(dataSource, url, 0);
                String key = "size." + size;
                results.put(key + ".events", written);
                results.put(key + ".aggregates", aggregates + 2);
                results.put(key + ".fill_s", fillSeconds);
                results.put(key + ".fill_events_per_s", (written - filledBefore) / Math.max(fillSeconds, 1e-9));
                long bytes = postgres ? tablesSize(dataSource) : sizeOnDisk(dir);
                results.put(key + ".file_mb", bytes / 1e6);
                results.put(key + ".bytes_per_event", bytes / (double) written);
                int filled = aggregates;
                measure(store, FIFTY, 50, loads, warmup).writeTo(results, key + ".fifty");
                measure(store, SNAPSHOTTED, 51, loads, warmup).writeTo(results, key + ".snapshotted");
                if (filled > 0) {
                    measure(store, () -> aggregateId(random.nextInt(filled)), PER_AGGREGATE, loads, warmup)
                            .writeTo(results, key + ".random");
                }
                double replaySeconds = replay(engine, written);
                results.put(key + ".replay_s", replaySeconds);
                results.put(key + ".replay_events_per_s", written / replaySeconds);
                System.err.printf("aggregate-load-growth: %,d events (filled at %,.0f events/s): 50 events %s | snapshot + 50 %s"
                                + " | random 10 %s | replay %,.0f events/s%n", written,
                        (written - filledBefore) / Math.max(fillSeconds, 1e-9), results.get(key + ".fifty.median_ms"),
                        results.get(key + ".snapshotted.median_ms"), results.get(key + ".random.median_ms"),
                        written / replaySeconds);
            }
            store.shutDown();
        } finally {
            if (ownDir) {
                delete(dir);
            }
            if (postgres) {
                schema(url, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
        }
        results.print(out);
        return 0;
    }

    /** Appends {@code batches} batches of {@code inBatch} new aggregates, one transaction each, on several threads. */
    private static void fill(JdbcEventStorageEngine engine, TransactionManager transactions, int firstAggregate,
                             int inBatch, int batches, int threads) throws InterruptedException {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        List<RuntimeException> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                for (int b = next.getAndIncrement(); b < batches && failures.isEmpty(); b = next.getAndIncrement()) {
                    int first = firstAggregate + b * inBatch;
                    try {
                        transactions.executeInTransaction(() -> engine.appendEvents(interleaved(first, inBatch)));
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }
            }, "fill-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    private static Latencies.Summary measure(EmbeddedEventStore store, String aggregate, int expected, int loads,
                                             int warmup) {
        return measure(store, () -> aggregate, expected, loads, warmup);
    }

    /** Loads as a repository does: the snapshot if any, the events after it, every payload deserialised. */
    private static Latencies.Summary measure(EmbeddedEventStore store, java.util.function.Supplier<String> aggregate,
                                             int expected, int loads, int warmup) {
        Latencies latencies = new Latencies();
        for (int i = 0; i < warmup + loads; i++) {
            String id = aggregate.get();
            long start = System.nanoTime();
            DomainEventStream events = store.readEvents(id);
            int read = 0;
            while (events.hasNext()) {
                DomainEventMessage<?> event = events.next();
                if (event.getPayload() == null) {
                    throw new IllegalStateException("no payload in " + event);
                }
                read++;
            }
            long nanos = System.nanoTime() - start;
            if (read != expected) {
                throw new IllegalStateException(id + ": read " + read + " messages, expected " + expected);
            }
            if (i >= warmup) {
                latencies.add(nanos);
            }
        }
        return latencies.summary();
    }

    private static List<DomainEventMessage<?>> events(String aggregate, int from, int to) {
        List<DomainEventMessage<?>> events = new ArrayList<>(to - from);
        for (int sequence = from; sequence < to; sequence++) {
            events.add(event(aggregate, sequence));
        }
        return events;
    }

    /** {@code count} aggregates of 10 events each, their events interleaved as concurrent cases' are. */
    private static List<DomainEventMessage<?>> interleaved(int firstAggregate, int count) {
        List<DomainEventMessage<?>> events = new ArrayList<>(count * PER_AGGREGATE);
        for (int sequence = 0; sequence < PER_AGGREGATE; sequence++) {
            for (int a = firstAggregate; a < firstAggregate + count; a++) {
                events.add(event(aggregateId(a), sequence));
            }
        }
        return events;
    }

    private static String aggregateId(int n) {
        return new UUID(0x6b696d0000000000L, n).toString();
    }

    private static final String TEXT = "Sprachkurs B1 mit Kinderbetreuung, Vermittlung ueber das Jobcenter; "
            + "Termin vereinbart, Unterlagen vollstaendig, Rueckmeldung des Traegers ausstehend. ".repeat(3);

    private static final java.util.concurrent.atomic.AtomicLong EVENT_IDS = new java.util.concurrent.atomic.AtomicLong();

    /**
     * One event. Its identifier counts up instead of being random: the loads never use the index on
     * event identifiers, and random keys there make H2 rewrite that index page by page with every
     * batch, which slows a fill of a million events to many minutes and bloats the file.
     */
    private static DomainEventMessage<?> event(String aggregate, int sequence) {
        String id = new UUID(0x6576656e74000000L, EVENT_IDS.incrementAndGet()).toString();
        return new GenericDomainEventMessage<>(TYPE, aggregate, sequence,
                new CaseEvent(aggregate, sequence, "Velbert", "LANGUAGE", TEXT),
                MetaData.from(Map.of("tenant", "kreis-mettmann", "actor", "leitung.mettmann",
                        "traceId", id, "correlationId", id)), id, java.time.Instant.now());
    }

    private static CaseState state(String aggregate, int version) {
        return new CaseState(aggregate, version, IntStream.range(0, 50).mapToObj(i -> "entry " + i + " " + TEXT).toList());
    }

    /**
     * The fill does not need every commit on disk at once, and with {@code WRITE_DELAY=0} H2 never
     * compacts its file (its background writer is off), which makes a fill of a million events
     * take an hour: the fill runs with H2's default delay, the loads with the services' setting.
     */
    private static void writeDelay(javax.sql.DataSource dataSource, String url, int millis) throws Exception {
        if (url.startsWith("jdbc:h2:")) {
            try (Connection connection = dataSource.getConnection()) {
                connection.createStatement().execute("SET WRITE_DELAY " + millis);
            }
        }
    }

    /** Reads every event as a rebuild does (the engine's stream from the start, payloads deserialised): seconds. */
    private static double replay(JdbcEventStorageEngine engine, long expected) {
        long start = System.nanoTime();
        long read = 0;
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            java.util.Iterator<? extends TrackedEventMessage<?>> each = events.iterator();
            while (each.hasNext()) {
                TrackedEventMessage<?> event = each.next();
                if (event.getPayload() == null) {
                    throw new IllegalStateException("no payload in " + event);
                }
                read++;
            }
        }
        if (read != expected) {
            throw new IllegalStateException("replay read " + read + " events, expected " + expected);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private void schema(String url, String statements) throws Exception {
        try (Connection connection = java.sql.DriverManager.getConnection(url, user, password)) {
            connection.createStatement().execute(statements);
        }
    }

    /** Bytes of the event and snapshot tables on PostgreSQL, their indexes and TOAST included. */
    private static long tablesSize(javax.sql.DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT pg_total_relation_size('domainevententry')"
                     + " + pg_total_relation_size('snapshotevententry')")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long countEvents(javax.sql.DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM DomainEventEntry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long sizeOnDisk(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
