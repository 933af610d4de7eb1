package de.kim.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Tag the case with a generative theme: a structural barrier from the managed list, or free text counted apart.
 *
 * @param expectedVersion the case version the sender saw (optional); a stale one is refused with 409
 */
public record TagThemeCommand(
        @TargetAggregateIdentifier CaseId caseId,
        String themeCode,
        String freeText,
        @TargetAggregateVersion Long expectedVersion) {
}
