package de.kim.partners.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kim.partners.api.ReferralReceivedEvent;
import de.kim.platform.privacy.SealedTexts;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * Reads {@link ReferralReceivedEvent}s of revision 2, stored while the case manager's note came in
 * plain text: the note becomes a {@code Sealed} of the client (subject: the case id) holding it
 * unsealed ({@link SealedTexts#wrapPlainText}). An upcaster cannot encrypt, so the stored row keeps
 * the plain text; the inbox shows it only while the client's key exists.
 */
@Component
public class ReferralReceivedUpcaster extends SingleEventUpcaster {

    private static final String TYPE = ReferralReceivedEvent.class.getName();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TYPE.equals(representation.getType().getName()) && "2".equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(TYPE, "3"), JsonNode.class, payload -> {
            ObjectNode event = (ObjectNode) payload;
            SealedTexts.wrapPlainText(event, "note", event.path("caseId").asText());
            return event;
        });
    }
}
