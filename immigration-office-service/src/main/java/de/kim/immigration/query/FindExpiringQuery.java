package de.kim.immigration.query;

import java.time.LocalDate;

/**
 * Fetch a tenant's records whose current permit or § 104c clock ends between the two days.
 *
 * @param officer only the records this officer is responsible for; null for all
 */
public record FindExpiringQuery(String tenant, LocalDate from, LocalDate until, String officer) {
}
