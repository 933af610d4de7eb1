package de.kim.partners.query;

import de.kim.contracts.vocabulary.FieldOfAction;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.Set;

/**
 * An offer as the search "where can I send this client?" finds it, with its free places. The search
 * reads a page at a time, the most free places first, ties by title: indexes serve that order with
 * and without a field of action, and for a partner's own offers.
 */
@CompoundIndex(name = "tenant_active_places", def = "{'tenant': 1, 'active': 1, 'freePlaces': -1, 'title': 1, '_id': -1}")
@CompoundIndex(name = "tenant_active_field_places",
        def = "{'tenant': 1, 'active': 1, 'fieldOfAction': 1, 'freePlaces': -1, 'title': 1, '_id': -1}")
@CompoundIndex(name = "tenant_partner_places", def = "{'tenant': 1, 'partnerId': 1, 'freePlaces': -1, 'title': 1, '_id': -1}")
@CompoundIndex(name = "partner", def = "{'partnerId': 1}")
@Document("offers")
public record OfferView(@Id String id, String tenant, String partnerId, String partnerName, String title,
                        FieldOfAction fieldOfAction, Set<String> languages, String town, boolean online,
                        Set<String> targetGroups, int capacity, int placesTaken, int freePlaces, boolean active) {
}
