package de.kim.cases.api;

import de.kim.contracts.vocabulary.ConsentPurpose;
import de.kim.contracts.vocabulary.DataCategory;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;
import java.util.Set;

/** Record a client's consent (Schweigepflichtentbindung) to share data with one recipient, for purposes and data categories.
 *
 * @param expectedVersion the case version the sender saw (optional); a stale one is refused with 409
 */
public record RecordConsentCommand(
        @TargetAggregateIdentifier CaseId caseId,
        ConsentId consentId,
        String recipient,
        Set<ConsentPurpose> purposes,
        Set<DataCategory> dataCategories,
        ConsentForm form,
        LocalDate givenOn,
        LocalDate validUntil,
        String evidenceReference,
        @TargetAggregateVersion Long expectedVersion) {
}
