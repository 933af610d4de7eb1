package de.kim.platform.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Forces an embedded H2 file to the disk once a second ({@code CHECKPOINT SYNC}). H2 writes every
 * commit to the file before it answers ({@code WRITE_DELAY=0}), which a killed process survives,
 * but it never syncs a commit: a power cut could lose any commit still in the operating system's
 * cache. Synced once a second, at most the last second is lost, and H2 may reuse the space of a
 * chunk no version needs after {@link #RETENTION} instead of its default 45 s (the URLs say
 * {@code RETENTION_TIME=2000}): under load the retained chunks made the file gigabytes and each
 * commit rewrote their entries in H2's chunk map. Does nothing for any other database.
 */
public final class H2FileSync implements AutoCloseable {

    static final Duration PERIOD = Duration.ofSeconds(1);
    /** What the URLs' {@code RETENTION_TIME} must exceed: a freed chunk outlives the next sync. */
    static final Duration RETENTION = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(H2FileSync.class);

    private final DataSource dataSource;
    private final String name;
    private final ScheduledExecutorService timer;
    private volatile boolean failing;
    private volatile boolean compactAtClose;

    private H2FileSync(DataSource dataSource, String name, boolean h2File) {
        this.dataSource = dataSource;
        this.name = name;
        this.timer = h2File ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "kim-h2-sync-" + name);
            thread.setDaemon(true);
            return thread;
        }) : null;
        if (timer != null) {
            timer.scheduleWithFixedDelay(this::sync, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Starts syncing the database behind {@code dataSource} if it is an H2 file ({@code null}: none);
     * {@code name} names it in the log.
     */
    public static H2FileSync of(DataSource dataSource, String name) {
        return new H2FileSync(dataSource, name, dataSource != null && isH2File(dataSource));
    }

    /**
     * Compacts the file when the process stops cleanly ({@code SHUTDOWN COMPACT}, after every
     * processor and request has stopped). Between stops H2 reuses freed space but leaves the file
     * at its largest: at 100,000 cases an event store of 1.5 GB became 269 MB in 7 s. A process
     * killed while it compacts keeps the file as it was: H2 writes the compacted copy beside it.
     */
    public H2FileSync compactingAtClose() {
        this.compactAtClose = true;
        return this;
    }

    public boolean active() {
        return timer != null;
    }

    static boolean isH2File(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String url = connection.getMetaData().getURL();
            return url != null && url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:")
                    && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
        } catch (SQLException unreachable) {
            return false;
        }
    }

    void sync() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
            if (failing) {
                failing = false;
                log.info("the {} is synced to disk again", name);
            }
        } catch (SQLException | RuntimeException e) {
            if (!failing) {
                failing = true;
                log.warn("the {} could not be synced to disk: {}", name, e.toString());
            }
        }
    }

    @Override
    public void close() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        if (compactAtClose) {
            compact();
        }
    }

    private void compact() {
        long started = System.nanoTime();
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.createStatement().execute("SHUTDOWN COMPACT");
            log.info("the {} is compacted ({} ms)", name, (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException | RuntimeException e) {
            log.warn("the {} could not be compacted: {}", name, e.toString());
        } finally {
            closeQuietly(connection);
        }
    }

    /** The shutdown closed the database under the connection (and its statement): closing it may say so. */
    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException closedByTheShutdown) {
            // nothing left to release
        }
    }
}
