package de.kim.immigration.query;

import java.time.LocalDate;

/** Fetch a tenant's records whose current permit or § 104c clock ends between the two days. */
public record FindExpiringQuery(String tenant, LocalDate from, LocalDate until) {
}
