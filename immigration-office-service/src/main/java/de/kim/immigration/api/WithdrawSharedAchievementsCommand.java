package de.kim.immigration.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Remove achievements case management shared with the record: the consent they went under ended,
 * or case management marked one as entrusted (§ 65 SGB VIII). Ids the record does not hold are
 * passed over, so a repeated delivery changes nothing.
 */
public record WithdrawSharedAchievementsCommand(@TargetAggregateIdentifier ResidenceRecordId recordId,
                                                List<AchievementId> achievementIds, LocalDate withdrawnOn) {
}
