package de.kim.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The immigration office's answer to the case's link to a residence record, as it arrived from
 * {@code kim.immigration.v1}. Relayed by case-service itself, never sent by a user.
 */
public record RecordResidenceLinkAnswerCommand(
        @TargetAggregateIdentifier CaseId caseId,
        String residenceRecordId,
        boolean confirmed,
        LocalDate answeredOn) {
}
