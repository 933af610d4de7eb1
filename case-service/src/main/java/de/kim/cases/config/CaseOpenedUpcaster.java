package de.kim.cases.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kim.cases.api.CaseOpenedEvent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Reads {@link CaseOpenedEvent}s of revision 2, stored before cases had an Aktenzeichen: such a
 * case has none ({@code caseNumber} null), and the pages show a placeholder for it. A number is
 * not made up here: an upcaster runs on every read, and a number derived on the fly could meet one
 * the counter gives.
 */
@Component
@Order(2)
public class CaseOpenedUpcaster extends SingleEventUpcaster {

    private static final String TYPE = CaseOpenedEvent.class.getName();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TYPE.equals(representation.getType().getName()) && "2".equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(TYPE, "3"), JsonNode.class, payload -> {
            ((ObjectNode) payload).putNull("caseNumber");
            return payload;
        });
    }
}
