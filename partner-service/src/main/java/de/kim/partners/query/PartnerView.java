package de.kim.partners.query;

import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.contracts.vocabulary.LegalDomain;
import de.kim.partners.api.Contact;
import de.kim.partners.api.CooperationAgreement;
import de.kim.partners.api.PartnerKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.Set;

/** A network partner as the partner list and the partner page show it. */
@CompoundIndex(name = "tenant_name", def = "{'tenant': 1, 'name': 1}")
@Document("partners")
public record PartnerView(@Id String id, String tenant, String name, PartnerKind kind, Set<LegalDomain> legalDomains,
                          Set<FieldOfAction> fieldsOfAction, Set<String> towns, Contact contact,
                          CooperationAgreement agreement, boolean active, String deactivationReason) {
}
