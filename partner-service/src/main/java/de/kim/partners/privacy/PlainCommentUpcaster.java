package de.kim.partners.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kim.partners.api.ReferralCompletedEvent;
import de.kim.partners.api.ReferralDeclinedEvent;
import de.kim.partners.api.ReferralWithdrawnEvent;
import de.kim.platform.privacy.PersonalDataVault;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;

/**
 * Reads the referral answers of revision 1, whose free text about the client (a decline's or
 * completion's {@code comment}, a withdrawal's {@code reason}) was plain: the text is sealed with
 * the client's key (subject: the case id) as it is read, so that everything past the event store
 * sees revision 2 only. The tenant is the first part of the partner's aggregate identifier
 * ({@code tenant:partnerId}). Once the client is erased, or where the tenant cannot be told, the
 * text reads as absent. The stored revision-1 rows keep their plain text until they are rewritten
 * (ARCHITECTURE, "Events stored before sealing").
 */
@Component
@Order(0)
public class PlainCommentUpcaster extends SingleEventUpcaster {

    /** Event type → the component holding free text. */
    private static final Map<String, String> TEXT_FIELDS = Map.of(
            ReferralDeclinedEvent.class.getName(), "comment",
            ReferralCompletedEvent.class.getName(), "comment",
            ReferralWithdrawnEvent.class.getName(), "reason");

    private final PersonalDataVault vault;
    private final ObjectMapper json;

    public PlainCommentUpcaster(@Lazy PersonalDataVault vault, ObjectMapper json) {
        this.vault = vault;
        this.json = json;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TEXT_FIELDS.containsKey(representation.getType().getName())
                && "1".equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String type = representation.getType().getName();
        String field = TEXT_FIELDS.get(type);
        Optional<String> tenant = representation.getAggregateIdentifier().filter(key -> key.contains(":"))
                .map(key -> key.substring(0, key.indexOf(':')));
        return representation.upcastPayload(new SimpleSerializedType(type, "2"), JsonNode.class, payload -> {
            ObjectNode event = (ObjectNode) payload;
            JsonNode text = event.get(field);
            String caseId = event.path("caseId").asText(null);
            if (text == null || text.isNull() || text.asText().isBlank() || caseId == null || tenant.isEmpty()
                    || (vault.isOf(tenant.get(), caseId) && !vault.holdsKeyOf(caseId))) {
                event.putNull(field);
            } else {
                event.set(field, json.valueToTree(vault.seal(tenant.get(), caseId, text.asText())));
            }
            return event;
        });
    }
}
