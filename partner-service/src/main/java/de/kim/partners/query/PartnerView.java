package de.kim.partners.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.contracts.vocabulary.LegalDomain;
import de.kim.partners.api.Contact;
import de.kim.partners.api.CooperationAgreement;
import de.kim.contracts.vocabulary.PartnerKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.Set;

/**
 * A network partner as the partner list and the partner page show it. Stored under the partner
 * aggregate's identifier (tenant and partner id, as partner ids are unique per tenant only);
 * shown with the partner id alone. The list is read a page at a time by name, ties by key; indexes
 * serve it with and without a field of action or a town.
 */
@CompoundIndexes({
        @CompoundIndex(name = "tenant_name_key", def = "{'tenant': 1, 'name': 1, '_id': 1}"),
        @CompoundIndex(name = "tenant_field_name", def = "{'tenant': 1, 'fieldsOfAction': 1, 'name': 1, '_id': 1}"),
        @CompoundIndex(name = "tenant_town_name", def = "{'tenant': 1, 'towns': 1, 'name': 1, '_id': 1}"),
        @CompoundIndex(name = "tenant_id", def = "{'tenant': 1, 'id': 1}")})
@Document("partners")
public record PartnerView(@Id @JsonIgnore String key, String id, String tenant, String name, PartnerKind kind, Set<LegalDomain> legalDomains,
                          Set<FieldOfAction> fieldsOfAction, Set<String> towns, Contact contact,
                          CooperationAgreement agreement, boolean active, String deactivationReason) {
}
