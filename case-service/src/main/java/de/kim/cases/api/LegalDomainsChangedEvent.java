package de.kim.cases.api;

import de.kim.contracts.vocabulary.LegalDomain;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Set;

/** The client's legal domains changed from a date on. */
@Revision("1")
public record LegalDomainsChangedEvent(
        CaseId caseId,
        Set<LegalDomain> previous,
        Set<LegalDomain> current,
        LocalDate since) {
}
