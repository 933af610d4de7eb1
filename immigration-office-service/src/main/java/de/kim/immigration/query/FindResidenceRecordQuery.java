package de.kim.immigration.query;

/** Fetch one residence record of a tenant. */
public record FindResidenceRecordQuery(String tenant, String recordId) {
}
