package de.kim.immigration.web;

import de.kim.immigration.api.CreateResidenceRecordCommand;
import de.kim.immigration.api.ResidenceRecordId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * The body of {@code POST /api/residence-records}.
 *
 * @param fileNumber the Aktenzeichen of the Ausländerbehörde
 * @param azrNumber  the AZR number (12 digits), optional
 */
public record CreateResidenceRecordRequest(@NotBlank @Size(max = 100) String familyName,
                                           @NotBlank @Size(max = 100) String givenName,
                                           @NotBlank @Pattern(regexp = "[A-Za-z0-9./ -]{1,40}") String fileNumber,
                                           @Pattern(regexp = "\\d{12}") String azrNumber,
                                           @NotNull LocalDate dateOfBirth,
                                           @NotBlank @Pattern(regexp = "[A-Z]{3}") String nationality,
                                           @NotNull LocalDate entryDate,
                                           Boolean minorChildInHousehold) {

    CreateResidenceRecordCommand toCommand(ResidenceRecordId id) {
        return new CreateResidenceRecordCommand(id, dateOfBirth, nationality, entryDate,
                Boolean.TRUE.equals(minorChildInHousehold), familyName, givenName, fileNumber,
                azrNumber == null || azrNumber.isBlank() ? null : azrNumber);
    }
}
