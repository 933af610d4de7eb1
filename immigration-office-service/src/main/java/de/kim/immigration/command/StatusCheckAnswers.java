package de.kim.immigration.command;

import de.kim.contracts.immigration.StatusCheckAnswered;
import de.kim.immigration.api.CompleteStatusCheckCommand;
import de.kim.immigration.api.ResidenceStatusType;

import java.time.LocalDate;

/** The answer to a status check: the record's status now and what the officer adds. */
final class StatusCheckAnswers {

    private StatusCheckAnswers() {
    }

    static StatusCheckAnswered.Answer of(CompleteStatusCheckCommand command, ResidenceStatusType type, String legalBasis,
                                         LocalDate validUntil) {
        String note = command.note() == null || command.note().isBlank() ? null : command.note().strip();
        return new StatusCheckAnswered.Answer(type == null ? null : type.name(), legalBasis, validUntil,
                command.pathway() == null ? null : command.pathway().name(),
                command.prospect() == null ? null : command.prospect().name(), note);
    }
}
