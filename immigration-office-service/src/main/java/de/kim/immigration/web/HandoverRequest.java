package de.kim.immigration.web;

import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.immigration.api.HandOverToCaseManagementCommand;
import de.kim.immigration.api.HandoverId;
import de.kim.immigration.api.Pathway;
import de.kim.immigration.api.ResidenceRecordId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The body of {@code POST /api/residence-records/{id}/handover}.
 *
 * @param reasonCode why, as a code (e.g. {@code LANGUAGE_LEVEL_MISSING}): a code, not free text, so no personal data travels
 */
public record HandoverRequest(@NotNull FieldOfAction fieldOfAction,
                              @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}") String reasonCode,
                              Pathway pathway) {

    HandOverToCaseManagementCommand toCommand(ResidenceRecordId recordId, HandoverId handoverId) {
        return new HandOverToCaseManagementCommand(recordId, handoverId, fieldOfAction, reasonCode, pathway);
    }
}
