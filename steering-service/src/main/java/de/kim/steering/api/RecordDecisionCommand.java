package de.kim.steering.api;

import de.kim.contracts.vocabulary.Body;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Record a decision of the steering group or a project group. */
public record RecordDecisionCommand(
        @TargetAggregateIdentifier String planId,
        String decisionId,
        Body body,
        LocalDate decidedOn,
        String subject,
        String text,
        String goalId) {
}
