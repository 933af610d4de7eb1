package de.kim.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Erase the client's personal data: on a lawful request (Art. 17 GDPR) or when the retention
 * period of the closed case has passed. Refused while the case is on legal hold or disputed.
 */
public record EraseClientCommand(@TargetAggregateIdentifier CaseId caseId, ErasureGround ground, String reference) {
}
