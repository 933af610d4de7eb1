package de.kim.immigration.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * An achievement left the record: case management may no longer share it (its consent ended, or
 * it was marked entrusted). The record and its screening no longer count it. Ids and a date only.
 */
@Revision("1")
public record AchievementWithdrawnEvent(ResidenceRecordId recordId, String tenant, AchievementId achievementId,
                                        LocalDate withdrawnOn) {
}
