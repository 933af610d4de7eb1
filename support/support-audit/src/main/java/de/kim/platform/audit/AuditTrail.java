package de.kim.platform.audit;

import de.kim.platform.config.Schemas;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The append-only audit trail of a service, in its own database beside the event store. It
 * offers writing and reading, nothing else: no entry is ever changed or deleted by the platform
 * (in production, the service's database user should hold only INSERT and SELECT on it).
 * <p>
 * Writers that arrive together share one commit (group commit): whoever holds the writer's lock
 * writes every entry waiting at that moment in one transaction, and each caller returns once its
 * own entries are committed. Under load that is one commit for many requests instead of one each;
 * alone, a writer commits at once as before. Should a shared commit fail, each caller's entries are
 * written again on their own, so one bad entry fails only its own request.
 */
public class AuditTrail {

    private static final String INSERT = "insert into kim_audit_entry "
            + "(id, at, tenant, actor, roles, action, operation, subject, status, purpose) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writer = new ReentrantLock();
    private final LongAdder commits = new LongAdder();

    public AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        Schemas.migrate(jdbc.getDataSource(), "audit");
    }

    public void append(AuditEntry entry) {
        appendAll(List.of(entry));
    }

    /** Several entries at once, e.g. one per case of a list shown; returns once they are committed. */
    public void appendAll(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Pending mine = new Pending(entries);
        waiting.add(mine);
        writer.lock();
        try {
            if (!mine.written) {
                writeWaiting();
            }
        } finally {
            writer.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    /** Commits made since the start: fewer than appends when writers share them. */
    long commits() {
        return commits.sum();
    }

    private void writeWaiting() {
        List<Pending> batch = new ArrayList<>();
        for (Pending next = waiting.poll(); next != null; next = waiting.poll()) {
            batch.add(next);
        }
        try {
            insert(batch.stream().flatMap(pending -> pending.entries.stream()).toList());
            batch.forEach(pending -> pending.written = true);
        } catch (RuntimeException shared) {
            for (Pending pending : batch) {
                try {
                    insert(pending.entries);
                } catch (RuntimeException own) {
                    pending.failure = own;
                }
                pending.written = true;
            }
        }
    }

    private void insert(List<AuditEntry> entries) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (AuditEntry entry : entries) {
                    insert.setString(1, entry.id());
                    insert.setTimestamp(2, Timestamp.from(entry.at()));
                    insert.setString(3, entry.tenant());
                    insert.setString(4, entry.actor());
                    insert.setString(5, entry.roles());
                    insert.setString(6, entry.action());
                    insert.setString(7, entry.operation());
                    insert.setString(8, entry.subject());
                    insert.setInt(9, entry.status());
                    insert.setString(10, entry.purpose());
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
                commits.increment();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            return null;
        });
    }

    /** A caller's entries; its fields are written and read under the writer's lock. */
    private static final class Pending {
        final List<AuditEntry> entries;
        boolean written;
        RuntimeException failure;

        Pending(List<AuditEntry> entries) {
            this.entries = entries;
        }
    }

    /**
     * A tenant's entries, newest first, optionally for one record and one actor, at most {@code limit}.
     *
     * @throws AuditUnavailableException when the trail cannot be read
     */
    public List<AuditEntry> find(String tenant, String subject, String actor, Instant from, Instant to, int limit) {
        StringBuilder sql = new StringBuilder("select id, at, tenant, actor, roles, action, operation, subject, status, purpose "
                + "from kim_audit_entry where tenant = ?");
        List<Object> args = new ArrayList<>(List.of(tenant));
        if (subject != null) {
            sql.append(" and subject = ?");
            args.add(subject);
        }
        if (actor != null) {
            sql.append(" and actor = ?");
            args.add(actor);
        }
        if (from != null) {
            sql.append(" and at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" and at < ?");
            args.add(Timestamp.from(to));
        }
        sql.append(" order by at desc, id limit ").append(Math.max(1, Math.min(limit, 1000)));
        try {
            return jdbc.query(sql.toString(), (rs, n) -> new AuditEntry(rs.getString(1), rs.getTimestamp(2).toInstant(),
                    rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                    rs.getInt(9), rs.getString(10)), args.toArray());
        } catch (org.springframework.dao.DataAccessException e) {
            // a self-disclosure without its accesses would be incomplete: it fails as the read would
            throw new AuditUnavailableException(e);
        }
    }
}
