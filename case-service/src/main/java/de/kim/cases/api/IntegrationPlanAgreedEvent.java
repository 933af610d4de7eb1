package de.kim.cases.api;

import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.platform.privacy.Sealed;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * The integration plan was agreed with the client. Revision 2 seals each goal's text with the
 * client's key; older plans are read by {@code SealedTextUpcaster}.
 */
@Revision("2")
public record IntegrationPlanAgreedEvent(
        CaseId caseId,
        List<AgreedGoal> goals,
        LocalDate agreedOn) {

    /** A goal as agreed: its text, which describes the client's aims, sealed. */
    public record AgreedGoal(GoalId goalId, FieldOfAction fieldOfAction, Sealed description, LocalDate targetDate) {
    }
}
