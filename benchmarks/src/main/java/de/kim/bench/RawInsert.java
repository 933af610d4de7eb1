package de.kim.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The physical limit of the embedded default: threads inserting one row each and committing
 * it, into an H2 file with the event stores' settings ({@code WRITE_DELAY=0}: every commit
 * written before it returns), for a fixed time per thread count. No HTTP, no framework: what
 * neither the platform nor the CRUD service can beat on this machine.
 */
public final class RawInsert {

    private RawInsert() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv, "threads", "duration", "warmup", "url", "user", "password", "dir", "out");
        String url = args.get("url", CrudTable.h2Url(Path.of(args.get("dir",
                System.getProperty("java.io.tmpdir") + "/kim-bench/raw"))));
        String user = args.get("user", "sa");
        String password = args.get("password", "");
        double duration = args.decimal("duration", 10);
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            CrudTable.create(connection);
        }
        run(url, user, password, 1, args.decimal("warmup", 3));
        Results results = new Results();
        results.put("url", url);
        results.put("duration_s", duration);
        double best = 0;
        int bestThreads = 0;
        for (int threads : args.integers("threads", "1,4,32")) {
            double rowsPerSecond = run(url, user, password, threads, duration);
            System.err.printf("raw-insert: %d threads, %.0f rows/s%n", threads, rowsPerSecond);
            results.put("threads." + threads + ".rows_per_s", rowsPerSecond);
            if (rowsPerSecond > best) {
                best = rowsPerSecond;
                bestThreads = threads;
            }
        }
        results.put("best.rows_per_s", best);
        results.put("best.threads", bestThreads);
        results.print(args.get("out", null));
    }

    private static double run(String url, String user, String password, int threads, double seconds) throws Exception {
        AtomicLong rows = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try (Connection connection = DriverManager.getConnection(url, user, password);
                     PreparedStatement insert = connection.prepareStatement(CrudTable.INSERT)) {
                    connection.setAutoCommit(true);
                    long mine = 0;
                    while (System.nanoTime() < end) {
                        insert(insert);
                        mine++;
                    }
                    rows.addAndGet(mine);
                } catch (SQLException e) {
                    failures.add(e);
                }
            }, "insert-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return rows.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static void insert(PreparedStatement insert) throws SQLException {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setString(2, "kreis-mettmann");
        insert.setString(3, "Layla");
        insert.setString(4, "Erfunden");
        insert.setObject(5, LocalDate.of(1994, 6, 1));
        insert.setString(6, "AFG");
        insert.setString(7, "fa,de");
        insert.setString(8, "Velbert");
        insert.setString(9, null);
        insert.setString(10, "layla@example.org");
        insert.setString(11, null);
        insert.setString(12, "NEWLY_ARRIVED");
        insert.setString(13, "JOBCENTER");
        insert.setString(14, "fallmanagement.mettmann");
        insert.setString(15, "OPEN");
        insert.setObject(16, LocalDate.now());
        insert.setTimestamp(17, Timestamp.from(Instant.now()));
        insert.setInt(18, 0);
        insert.executeUpdate();
    }
}
