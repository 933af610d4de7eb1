package de.kim.cases.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** End a consent whose last day of validity has passed; sent by {@code ConsentExpiryJob}. */
public record ExpireConsentCommand(
        @TargetAggregateIdentifier CaseId caseId,
        ConsentId consentId) {
}
