package de.kim.platform.audit;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests that write their audit entries together share one commit, and one bad entry fails only its own request. */
class AuditTrailGroupCommitTest {

    private final CountDownLatch gate = new CountDownLatch(1);
    private volatile boolean gated;
    private JdbcTemplate jdbc;
    private AuditTrail trail;

    @BeforeEach
    void openTrail() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        DelegatingDataSource held = new DelegatingDataSource(h2) {
            @Override
            public Connection getConnection() throws SQLException {
                if (gated) {
                    try {
                        gate.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return super.getConnection();
            }
        };
        jdbc = new JdbcTemplate(held);
        trail = new AuditTrail(jdbc);
    }

    @Test
    void writers_arriving_during_a_commit_share_the_next_one() throws Exception {
        gated = true;
        List<Thread> writers = new ArrayList<>();
        Thread first = writer(entry("first"), null);
        waitUntil(() -> first.getState() == Thread.State.WAITING);
        for (int i = 0; i < 9; i++) {
            writers.add(writer(entry("later-" + i), null));
        }
        waitUntil(() -> writers.stream().allMatch(t -> t.getState() == Thread.State.WAITING));
        gated = false;
        gate.countDown();
        first.join();
        for (Thread t : writers) {
            t.join();
        }

        assertThat(count()).isEqualTo(10);
        assertThat(trail.commits()).as("the first writer's commit, then one for the nine that waited").isEqualTo(2);
    }

    @Test
    void one_bad_entry_in_a_shared_commit_fails_only_its_own_writer() throws Exception {
        AuditEntry existing = entry("existing");
        trail.append(existing);
        gated = true;
        Thread first = writer(entry("first"), null);
        waitUntil(() -> first.getState() == Thread.State.WAITING);
        AtomicReference<Throwable> badOutcome = new AtomicReference<>();
        AtomicReference<Throwable> goodOutcome = new AtomicReference<>();
        Thread bad = writer(existing, badOutcome);
        AuditEntry good = entry("good");
        Thread fine = writer(good, goodOutcome);
        waitUntil(() -> bad.getState() == Thread.State.WAITING && fine.getState() == Thread.State.WAITING);
        gated = false;
        gate.countDown();
        for (Thread t : List.of(first, bad, fine)) {
            t.join();
        }

        assertThat(badOutcome.get()).isInstanceOf(DuplicateKeyException.class);
        assertThat(goodOutcome.get()).isNull();
        assertThat(jdbc.queryForObject("select count(*) from kim_audit_entry where id = ?", Integer.class, good.id()))
                .isEqualTo(1);
        assertThat(count()).isEqualTo(3);
    }

    private Thread writer(AuditEntry entry, AtomicReference<Throwable> outcome) {
        Thread thread = new Thread(() -> {
            try {
                trail.append(entry);
            } catch (RuntimeException e) {
                if (outcome != null) {
                    outcome.set(e);
                }
            }
        });
        thread.start();
        return thread;
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private int count() {
        return jdbc.queryForObject("select count(*) from kim_audit_entry", Integer.class);
    }

    private static AuditEntry entry(String subject) {
        return new AuditEntry(UUID.randomUUID().toString(), Instant.parse("2026-12-06T10:00:00Z"), "kreis-mettmann",
                "fallmanagement.mettmann", "CASE_MANAGER", "CHANGE", "POST /api/cases", subject, 201, "CASE_WORK");
    }
}
