package de.kim.immigration.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kim.immigration.api.PersonalDetails;
import de.kim.immigration.api.ResidenceRecordCreatedEvent;
import de.kim.platform.privacy.PersonalDataVault;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Reads {@link ResidenceRecordCreatedEvent}s of revision 1, which held the person's details in
 * plain text: they are sealed with the record's key as they are read, so that everything past
 * the event store sees revision 2 only. Once the record is erased (its key shredded) nothing new
 * can be sealed for it, and the details read as absent. The stored revision-1 rows themselves
 * keep their plain text until they are rewritten (ARCHITECTURE, "Events stored before sealing").
 */
@Component
@Order(0)
public class ResidenceRecordCreatedUpcaster extends SingleEventUpcaster {

    private static final String TYPE = ResidenceRecordCreatedEvent.class.getName();

    private final PersonalDataVault vault;
    private final ObjectMapper json;

    public ResidenceRecordCreatedUpcaster(@Lazy PersonalDataVault vault, ObjectMapper json) {
        this.vault = vault;
        this.json = json;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TYPE.equals(representation.getType().getName()) && "1".equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(TYPE, "2"), JsonNode.class, payload -> {
            ObjectNode event = (ObjectNode) payload;
            String tenant = event.path("tenant").asText();
            String recordId = event.path("recordId").path("value").asText();
            PersonalDetails person = new PersonalDetails(date(event.get("dateOfBirth")), text(event.get("nationality")),
                    date(event.get("entryDate")), event.path("minorChildInHousehold").asBoolean(false));
            ObjectNode upcast = json.createObjectNode();
            upcast.set("recordId", event.get("recordId"));
            upcast.put("tenant", tenant);
            if (vault.isOf(tenant, recordId) && !vault.holdsKeyOf(recordId)) {
                upcast.putNull("person"); // erased: nothing is sealed for the record any more
            } else {
                upcast.set("person", json.valueToTree(vault.seal(tenant, recordId, person)));
            }
            return upcast;
        });
    }

    private static LocalDate date(JsonNode node) {
        return node == null || node.isNull() ? null : LocalDate.parse(node.asText());
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
