package de.kim.cases.api;

import de.kim.contracts.vocabulary.ContactKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/**
 * Record a counselling contact (Beratungskontakt) with its note (Gesprächsvermerk).
 *
 * @param interpreterLanguage ISO 639 code of the language an interpreter translated into; null for none
 * @param participants        who took part besides client and case manager, as typed; optional
 * @param entrusted           the contact is anvertraut (§ 65 SGB VIII): it never leaves case management
 * @param expectedVersion     the case version the sender saw (optional); a stale one is refused with 409
 */
public record RecordContactCommand(
        @TargetAggregateIdentifier CaseId caseId,
        ContactId contactId,
        LocalDate contactOn,
        ContactKind kind,
        int durationMinutes,
        String interpreterLanguage,
        String participants,
        String note,
        boolean entrusted,
        @TargetAggregateVersion Long expectedVersion) {
}
