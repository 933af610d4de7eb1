package de.kim.immigration.query;

/**
 * Fetch one batch of a tenant's open records whose personal data is still there (so they can be screened), in the
 * order of their ids, after {@code afterId} (null for the first batch).
 */
public record FindScreenableRecordsQuery(String tenant, String afterId, int limit) {
}
