package de.kim.partners.api;

import de.kim.contracts.vocabulary.PartnerKind;
import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.contracts.vocabulary.LegalDomain;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/** Register a network partner organisation. */
public record RegisterPartnerCommand(
        @TargetAggregateIdentifier PartnerId partnerId,
        String name,
        PartnerKind kind,
        Set<LegalDomain> legalDomains,
        Set<FieldOfAction> fieldsOfAction,
        Set<String> towns,
        Contact contact,
        CooperationAgreement agreement) {
}
