package de.kim.cases.api;

import de.kim.platform.privacy.Sealed;
import de.kim.contracts.vocabulary.ConsentPurpose;
import de.kim.contracts.vocabulary.DataCategory;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Set;

/** A consent was recorded. */
@Revision("2")
public record ConsentRecordedEvent(
        CaseId caseId,
        ConsentId consentId,
        String recipient,
        Set<ConsentPurpose> purposes,
        Set<DataCategory> dataCategories,
        ConsentForm form,
        LocalDate givenOn,
        LocalDate validUntil,
        Sealed evidenceReference) {
}
