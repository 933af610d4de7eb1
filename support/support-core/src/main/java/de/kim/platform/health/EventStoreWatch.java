package de.kim.platform.health;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The event store, checked every {@link #INTERVAL} and on every health request. A store that is
 * unreachable makes the service unhealthy (health {@code eventStore} DOWN, readiness is left to
 * the probes). A store that H2 has closed under the running process ("This store is closed",
 * after an OutOfMemoryError in its writer or a failed write) never opens again in this process:
 * after {@link #CLOSED_CHECKS_TO_EXIT} such checks in a row the service declares its liveness
 * BROKEN and exits, so that the launcher's supervisor or the orchestrator starts it again, with
 * the store opened afresh, instead of answering 503 for ever.
 */
public class EventStoreWatch implements HealthIndicator, SmartLifecycle {

    static final Duration INTERVAL = Duration.ofSeconds(10);
    static final int CLOSED_CHECKS_TO_EXIT = 3;
    /** H2's codes for a database closed under its sessions (DATABASE_IS_CLOSED, DATABASE_CALLED_AT_SHUTDOWN). */
    private static final int H2_DATABASE_IS_CLOSED = 90098;
    private static final int H2_DATABASE_CALLED_AT_SHUTDOWN = 90121;

    private static final Logger log = LoggerFactory.getLogger(EventStoreWatch.class);

    private final DataSource dataSource;
    private final ApplicationEventPublisher events;
    private final Runnable exit;
    private final AtomicInteger closedInARow = new AtomicInteger();
    private ScheduledExecutorService schedule;

    public EventStoreWatch(DataSource dataSource, ApplicationEventPublisher events) {
        this(dataSource, events, EventStoreWatch::exitProcess);
    }

    EventStoreWatch(DataSource dataSource, ApplicationEventPublisher events, Runnable exit) {
        this.dataSource = dataSource;
        this.events = events;
        this.exit = exit;
    }

    @Override
    public Health health() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(5);
            statement.execute("SELECT 1");
            closedInARow.set(0);
            return Health.up().build();
        } catch (SQLException | RuntimeException e) {
            if (closedForGood(e)) {
                int checks = closedInARow.incrementAndGet();
                if (checks == CLOSED_CHECKS_TO_EXIT) {
                    log.error("The event store was closed under the running service ({} checks in a row): "
                            + "liveness BROKEN, the process exits to be started again", checks);
                    AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
                    exit.run();
                }
                return Health.down().withDetail("store", "closed").build();
            }
            closedInARow.set(0);
            return Health.down().withDetail("store", "unreachable").build();
        }
    }

    static boolean closedForGood(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == H2_DATABASE_IS_CLOSED
                    || sql.getErrorCode() == H2_DATABASE_CALLED_AT_SHUTDOWN)) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().contains("This store is closed")) {
                return true;
            }
        }
        return false;
    }

    /** Ends the process; if a shutdown hook hangs, halts it. */
    private static void exitProcess() {
        Thread exiting = new Thread(() -> System.exit(1), "kim-store-closed-exit");
        exiting.setDaemon(true);
        exiting.start();
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(1);
        }, "kim-store-closed-halt");
        halt.setDaemon(true);
        halt.start();
    }

    @Override
    public synchronized void start() {
        schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kim-event-store-watch");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(this::health, INTERVAL.toSeconds(), INTERVAL.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public synchronized void stop() {
        if (schedule != null) {
            schedule.shutdownNow();
            schedule = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return schedule != null;
    }
}
