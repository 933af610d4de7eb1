package de.kim.immigration.web;

import de.kim.immigration.api.CreateResidenceRecordCommand;
import de.kim.immigration.api.ResidenceRecordId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.LocalDate;

/** The body of {@code POST /api/residence-records}. */
public record CreateResidenceRecordRequest(@NotNull LocalDate dateOfBirth,
                                           @NotBlank @Pattern(regexp = "[A-Z]{3}") String nationality,
                                           @NotNull LocalDate entryDate,
                                           Boolean minorChildInHousehold) {

    CreateResidenceRecordCommand toCommand(ResidenceRecordId id) {
        return new CreateResidenceRecordCommand(id, dateOfBirth, nationality, entryDate,
                Boolean.TRUE.equals(minorChildInHousehold));
    }
}
