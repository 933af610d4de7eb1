package de.kim.partners.api;

import de.kim.contracts.vocabulary.PartnerKind;
import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.contracts.vocabulary.LegalDomain;
import org.axonframework.serialization.Revision;

import java.util.Set;

/** A partner's registration changed. */
@Revision("1")
public record PartnerUpdatedEvent(
        PartnerId partnerId,
        String name,
        PartnerKind kind,
        Set<LegalDomain> legalDomains,
        Set<FieldOfAction> fieldsOfAction,
        Set<String> towns,
        Contact contact,
        CooperationAgreement agreement) {
}
