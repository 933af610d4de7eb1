package de.kim.cases.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** The integration plan was agreed with the client. */
@Revision("1")
public record IntegrationPlanAgreedEvent(
        CaseId caseId,
        List<PlannedGoal> goals,
        LocalDate agreedOn) {
}
