package de.kim.cases.api;

import de.kim.contracts.vocabulary.LegalDomain;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;
import java.util.Set;

/** Record the legal domains the client is in from a date on (e.g. AsylbLG to SGB II).
 *
 * @param expectedVersion the case version the sender saw (optional); a stale one is refused with 409
 */
public record ChangeLegalDomainsCommand(
        @TargetAggregateIdentifier CaseId caseId,
        Set<LegalDomain> legalDomains,
        LocalDate since,
        @TargetAggregateVersion Long expectedVersion) {
}
