package de.kim.partners.api;

import de.kim.contracts.vocabulary.PartnerKind;
import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.contracts.vocabulary.LegalDomain;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.Set;

/** Change a partner's registration. */
public record UpdatePartnerCommand(
        @TargetAggregateIdentifier PartnerId partnerId,
        String name,
        PartnerKind kind,
        Set<LegalDomain> legalDomains,
        Set<FieldOfAction> fieldsOfAction,
        Set<String> towns,
        Contact contact,
        CooperationAgreement agreement,
        @TargetAggregateVersion Long expectedVersion) {
}
