package de.kim.immigration.web;

import de.kim.immigration.api.AssignOfficerCommand;
import de.kim.immigration.api.ResidenceRecordId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * The body of {@code PUT /api/residence-records/{id}/officer}.
 *
 * @param officer the user id of the officer (e.g. {@code abh-jonas}), never a name
 */
public record AssignOfficerRequest(@NotBlank @Pattern(regexp = ResidenceRecordController.USER_ID) String officer) {

    AssignOfficerCommand toCommand(ResidenceRecordId recordId) {
        return new AssignOfficerCommand(recordId, officer);
    }
}
