package de.kim.cases.api;

import de.kim.platform.privacy.Sealed;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The immigration office's answer to a status check of the case, as it arrived from
 * {@code kim.immigration.v1}: sealed with the client's key (null when the office found the client
 * erased). Relayed by case-service itself, never sent by a user.
 */
public record RecordStatusCheckAnswerCommand(
        @TargetAggregateIdentifier CaseId caseId,
        StatusCheckId statusCheckId,
        Sealed answer,
        LocalDate answeredOn) {
}
