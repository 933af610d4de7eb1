package de.kim.cases.api;

import de.kim.contracts.vocabulary.Priority;
import de.kim.contracts.vocabulary.FieldOfAction;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Record a need of the client in a field of action.
 *
 * @param entrusted       entrusted to case management (§ 65 SGB VIII): it never leaves it
 * @param expectedVersion the case version the sender saw (optional); a stale one is refused with 409
 */
public record AssessNeedCommand(
        @TargetAggregateIdentifier CaseId caseId,
        NeedId needId,
        FieldOfAction fieldOfAction,
        Priority priority,
        String description,
        boolean entrusted,
        @TargetAggregateVersion Long expectedVersion) {

    /** A need not entrusted (§ 65 SGB VIII). */
    public AssessNeedCommand(CaseId caseId, NeedId needId, FieldOfAction fieldOfAction, Priority priority,
                             String description, Long expectedVersion) {
        this(caseId, needId, fieldOfAction, priority, description, false, expectedVersion);
    }
}
