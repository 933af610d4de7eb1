package de.kim.platform.audit;

import java.time.Instant;

/**
 * One access to personal data: who (user and roles), for which tenant, what (READ or CHANGE,
 * the operation, the record's id), when, with which outcome (HTTP status) and for which purpose.
 * Ids only: no entry holds a client's data.
 */
public record AuditEntry(String id, Instant at, String tenant, String actor, String roles, String action,
                         String operation, String subject, int status, String purpose) {
}
