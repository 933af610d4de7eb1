package de.kim.cases.api;

import de.kim.platform.privacy.Sealed;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The immigration office answered a status check of the case. {@code answer} (a
 * {@code StatusCheckAnswered.Answer}: the residence status, a pathway's prospect, the officer's
 * note) is sealed with the client's key; null when no consent released the residence status to
 * the office any more when the answer came, or the client was erased.
 */
@Revision("1")
public record StatusCheckAnsweredEvent(
        CaseId caseId,
        StatusCheckId statusCheckId,
        Sealed answer,
        LocalDate answeredOn) {
}
