package de.kim.cases.api;

import de.kim.contracts.vocabulary.ContactKind;
import de.kim.platform.privacy.Sealed;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A counselling contact was recorded. The interpreter's language (it tells the client's language),
 * participants and note are sealed with the client's key; day, kind and duration are what steering counts.
 */
@Revision("1")
public record ContactRecordedEvent(
        CaseId caseId,
        ContactId contactId,
        LocalDate contactOn,
        ContactKind kind,
        int durationMinutes,
        Sealed interpreterLanguage,
        Sealed participants,
        Sealed note) {
}
