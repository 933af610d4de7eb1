package de.kim.cases.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kim.cases.api.NeedAssessedEvent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Reads {@link NeedAssessedEvent}s of revision 1, stored before the event carried the day of
 * the assessment: the day is taken from the event's own timestamp (in Germany), which is when
 * the case manager recorded it.
 */
@Component
@Order(0)
public class NeedAssessedUpcaster extends SingleEventUpcaster {

    private static final String TYPE = NeedAssessedEvent.class.getName();
    private static final ZoneId GERMANY = ZoneId.of("Europe/Berlin");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TYPE.equals(representation.getType().getName()) && "1".equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String day = LocalDate.ofInstant(representation.getTimestamp(), GERMANY).toString();
        return representation.upcastPayload(new SimpleSerializedType(TYPE, "2"), JsonNode.class, payload -> {
            ((ObjectNode) payload).put("assessedOn", day);
            return payload;
        });
    }
}
