package de.kim.immigration.query;

/** Fetch the records of a tenant an officer is responsible for. */
public record FindRecordsOfOfficerQuery(String tenant, String officer) {
}
