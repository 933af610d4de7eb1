package de.kim.steering.api;

import de.kim.contracts.vocabulary.Body;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A decision was recorded, dated. */
@Revision("1")
public record DecisionRecordedEvent(
        String planId,
        String decisionId,
        Body body,
        LocalDate decidedOn,
        String subject,
        String text,
        String goalId) {
}
