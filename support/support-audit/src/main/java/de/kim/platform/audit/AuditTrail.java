package de.kim.platform.audit;

import de.kim.platform.config.Schemas;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only audit trail of a service, in its own database beside the event store. It
 * offers writing and reading, nothing else: no entry is ever changed or deleted by the platform
 * (in production, the service's database user should hold only INSERT and SELECT on it).
 */
public class AuditTrail {

    private final JdbcTemplate jdbc;

    public AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        Schemas.migrate(jdbc.getDataSource(), "audit");
    }

    public void append(AuditEntry entry) {
        jdbc.update("insert into kim_audit_entry (id, at, tenant, actor, roles, action, operation, subject, status, purpose) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", entry.id(), Timestamp.from(entry.at()), entry.tenant(),
                entry.actor(), entry.roles(), entry.action(), entry.operation(), entry.subject(), entry.status(),
                entry.purpose());
    }

    /** Several entries at once, e.g. one per case of a list shown. */
    public void appendAll(List<AuditEntry> entries) {
        if (entries.size() == 1) {
            append(entries.get(0));
            return;
        }
        jdbc.batchUpdate("insert into kim_audit_entry (id, at, tenant, actor, roles, action, operation, subject, status, purpose) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", entries.stream().map(entry -> new Object[]{entry.id(),
                Timestamp.from(entry.at()), entry.tenant(), entry.actor(), entry.roles(), entry.action(), entry.operation(),
                entry.subject(), entry.status(), entry.purpose()}).toList());
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
