package de.kim.cases.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kim.cases.api.*;
import de.kim.platform.privacy.SealedTexts;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Reads case events stored before their texts were sealed: each plain text becomes a
 * {@code Sealed} of the case's client that holds the text behind {@link SealedTexts#UNSEALED}.
 * An upcaster cannot encrypt (it has no key and must not write), so the stored row keeps the
 * plain text; {@code CaseTexts} shows it under the same rule as a sealed one, i.e. not at all
 * once the client is erased. Runs after {@link NeedAssessedUpcaster}.
 */
@Component
@Order(1)
public class SealedTextUpcaster extends SingleEventUpcaster {

    /** An event shape of which the named texts are plain; {@code goals} also names the plan's goal texts. */
    record OldShape(String revision, String newRevision, List<String> texts, boolean goals) {
    }

    static final Map<String, OldShape> OLD_SHAPES = Map.ofEntries(
            shape(NeedAssessedEvent.class, "2", "3", "description"),
            shape(NeedUpdatedEvent.class, "1", "2", "description"),
            Map.entry(IntegrationPlanAgreedEvent.class.getName(), new OldShape("1", "2", List.of(), true)),
            shape(GoalDroppedEvent.class, "1", "2", "reason"),
            shape(ReferralMadeEvent.class, "2", "3", "note"),
            shape(ReferralWithdrawnEvent.class, "1", "2", "reason"),
            shape(ReferralDeclinedEvent.class, "1", "2", "reason"),
            shape(ReferralCompletedEvent.class, "1", "2", "result"),
            shape(MeasureRecordedEvent.class, "1", "2", "provider"),
            shape(MeasureConfirmedEvent.class, "1", "2", "justification"),
            shape(MeasureWithdrawnEvent.class, "1", "2", "reason"),
            shape(FollowUpScheduledEvent.class, "1", "2", "subject"),
            shape(ThemeTaggedEvent.class, "1", "2", "freeText"),
            shape(CaseHandedOverEvent.class, "1", "2", "note"),
            shape(CaseClosedEvent.class, "1", "2", "note"),
            shape(CaseReopenedEvent.class, "1", "2", "reason"),
            shape(ConsentRecordedEvent.class, "1", "2", "evidenceReference"),
            shape(ErasureBlockChangedEvent.class, "1", "2", "reason"),
            shape(ClientErasedEvent.class, "1", "2", "reference"));

    private static Map.Entry<String, OldShape> shape(Class<?> event, String revision, String newRevision, String text) {
        return Map.entry(event.getName(), new OldShape(revision, newRevision, List.of(text), false));
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        OldShape shape = OLD_SHAPES.get(representation.getType().getName());
        return shape != null && shape.revision().equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String type = representation.getType().getName();
        OldShape shape = OLD_SHAPES.get(type);
        return representation.upcastPayload(new SimpleSerializedType(type, shape.newRevision()), JsonNode.class,
                payload -> {
                    ObjectNode event = (ObjectNode) payload;
                    String subject = event.path("caseId").path("value").asText(
                            representation.getAggregateIdentifier().orElse(""));
                    shape.texts().forEach(field -> SealedTexts.wrapPlainText(event, field, subject));
                    if (shape.goals()) {
                        event.path("goals").forEach(goal -> SealedTexts.wrapPlainText((ObjectNode) goal, "description", subject));
                    }
                    return event;
                });
    }
}
