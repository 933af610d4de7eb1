package de.kim.immigration.web;

import de.kim.immigration.api.LegalBasis;
import de.kim.immigration.api.RecordResidenceStatusCommand;
import de.kim.immigration.api.ResidenceRecordId;
import de.kim.immigration.api.ResidenceStatusType;
import de.kim.immigration.api.StatusId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.LocalDate;

/**
 * The body of {@code POST /api/residence-records/{id}/statuses}.
 *
 * @param section the section of a residence permit, e.g. {@code § 25b} or {@code § 25 Abs. 2 AufenthG}
 */
public record RecordStatusRequest(@NotNull ResidenceStatusType type,
                                  @Pattern(regexp = LegalBasis.FORMAT) String section,
                                  @NotNull LocalDate validFrom,
                                  LocalDate validUntil) {

    RecordResidenceStatusCommand toCommand(ResidenceRecordId recordId, StatusId statusId) {
        return new RecordResidenceStatusCommand(recordId, statusId, type, section, validFrom, validUntil);
    }
}
