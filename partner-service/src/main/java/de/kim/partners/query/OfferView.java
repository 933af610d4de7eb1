package de.kim.partners.query;

import de.kim.contracts.vocabulary.FieldOfAction;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.Set;

/** An offer as the search "where can I send this client?" finds it, with its free places. */
@CompoundIndex(name = "tenant_active_field", def = "{'tenant': 1, 'active': 1, 'fieldOfAction': 1}")
@CompoundIndex(name = "partner", def = "{'partnerId': 1}")
@Document("offers")
public record OfferView(@Id String id, String tenant, String partnerId, String partnerName, String title,
                        FieldOfAction fieldOfAction, Set<String> languages, String town, boolean online,
                        Set<String> targetGroups, int capacity, int placesTaken, int freePlaces, boolean active) {
}
