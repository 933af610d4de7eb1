package de.kim.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
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
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The physical limit of the embedded default: threads inserting one row each and committing
 * it, into an H2 file with the event stores' settings ({@code WRITE_DELAY=0}: every commit
 * written before it returns), for a fixed time per thread count. No HTTP, no framework: what
 * neither the platform nor the CRUD service can beat on this machine. Besides the rate it reports
 * what each commit costs: CPU time and growth of the file, and, for contrast, the same with
 * H2's default write delay (a commit is then only in memory for up to half a second).
 */
@Command(name = "raw-insert", description = "Rows inserted and committed one by one: the store's own limit.")
final class RawInsert implements Callable<Integer> {

    @Option(names = "--threads", split = ",", defaultValue = "1,4,32", description = "thread counts, one run each")
    int[] threadCounts;
    @Option(names = "--duration", defaultValue = "10", description = "seconds per run")
    double duration;
    @Option(names = "--warmup", defaultValue = "3", description = "seconds of warm-up")
    double warmup;
    @Option(names = "--url", description = "JDBC URL (default: an H2 file in --dir)")
    String url;
    @Option(names = "--user", defaultValue = "sa")
    String user;
    @Option(names = "--password", defaultValue = "")
    String password;
    @Option(names = "--dir", description = "directory of the H2 file")
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "kim-bench", "raw");
    @Option(names = "--out", description = "file for the results (default: standard output)")
    String out;

    @Override
    public Integer call() throws Exception {
        String url = this.url != null ? this.url : CrudTable.h2Url(dir);
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            CrudTable.create(connection);
        }
        run(url, user, password, 1, warmup);
        Results results = new Results();
        results.put("url", url);
        results.put("duration_s", duration);
        double best = 0;
        int bestThreads = 0;
        for (int threads : threadCounts) {
            Run run = measured(url, user, password, threads, duration);
            System.err.printf("raw-insert: %d threads, %.0f rows/s%n", threads, run.rowsPerSecond());
            run.putInto(results, "threads." + threads);
            if (run.rowsPerSecond() > best) {
                best = run.rowsPerSecond();
                bestThreads = threads;
            }
        }
        results.put("best.rows_per_s", best);
        results.put("best.threads", bestThreads);
        if (url.contains(";WRITE_DELAY=0")) {
            String delayed = url.replace(";WRITE_DELAY=0", "").replace("/crud;", "/crud-delayed;");
            try (Connection connection = DriverManager.getConnection(delayed, user, password)) {
                CrudTable.create(connection);
            }
            Run run = measured(delayed, user, password, 1, duration);
            System.err.printf("raw-insert: 1 thread, H2's default write delay, %.0f rows/s%n", run.rowsPerSecond());
            run.putInto(results, "delayed.threads.1");
        }
        results.print(out);
        return 0;
    }

    /** One run's rate and what each row cost: CPU of this process and growth of the H2 file. */
    private record Run(double rowsPerSecond, double cpuMsPerRow, double fileKbPerRow) {
        void putInto(Results results, String prefix) {
            results.put(prefix + ".rows_per_s", rowsPerSecond);
            results.put(prefix + ".cpu_ms_per_row", cpuMsPerRow);
            results.put(prefix + ".file_kb_per_row", fileKbPerRow);
        }
    }

    private static Run measured(String url, String user, String password, int threads, double seconds) throws Exception {
        Path file = Path.of(url.substring("jdbc:h2:file:".length(), url.indexOf(';')) + ".mv.db");
        long sizeBefore = Files.exists(file) ? Files.size(file) : 0;
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        double rowsPerSecond = run(url, user, password, threads, seconds);
        double rows = rowsPerSecond * (System.nanoTime() - start) / 1e9;
        double cpuMs = (processCpuNanos() - cpuBefore) / 1e6;
        long grown = (Files.exists(file) ? Files.size(file) : 0) - sizeBefore;
        return new Run(rowsPerSecond, cpuMs / rows, grown / 1024.0 / rows);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
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
