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
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
