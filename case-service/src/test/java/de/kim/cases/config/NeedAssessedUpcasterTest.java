package de.kim.cases.config;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import de.kim.cases.api.NeedAssessedEvent;
import de.kim.contracts.vocabulary.Priority;
import de.kim.contracts.vocabulary.FieldOfAction;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A need assessed before the event carried its day (revision 1, pinned as JSON) reads as revision 2. */
class NeedAssessedUpcasterTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(JsonMapper.builder().addModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build())
            .build();

    @Test
    void a_revision_1_need_gets_the_day_it_was_recorded_in_germany() throws Exception {
        byte[] stored = Objects.requireNonNull(getClass().getResourceAsStream("/upcasting/NeedAssessedEvent.rev1.json"))
                .readAllBytes();
        // 23:30 UTC on 1 March is already 2 March in Germany.
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("CaseAggregate", "legacy-case-1", 1,
                "e-1", "2026-03-01T23:30:00Z", NeedAssessedEvent.class.getName(), "1", stored,
                "{}".getBytes(StandardCharsets.UTF_8));

        List<IntermediateEventRepresentation> upcast = new NeedAssessedUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();

        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        // Revision 2 still holds the description in plain text; SealedTextUpcaster takes it on to revision 3.
        com.fasterxml.jackson.databind.JsonNode event = upcast.get(0)
                .getData(com.fasterxml.jackson.databind.JsonNode.class).getData();
        assertThat(LocalDate.parse(event.path("assessedOn").asText())).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(FieldOfAction.valueOf(event.path("fieldOfAction").asText())).isEqualTo(FieldOfAction.LANGUAGE);
        assertThat(Priority.valueOf(event.path("priority").asText())).isEqualTo(Priority.HIGH);
        assertThat(event.path("description").asText()).isEqualTo("Deutsch für den Beruf");
    }

    @Test
    void a_revision_2_need_passes_unchanged() {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("CaseAggregate", "c", 1, "e-2",
                "2026-03-01T10:00:00Z", NeedAssessedEvent.class.getName(), "2",
                "{\"assessedOn\":\"2026-02-27\"}".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> upcast = new NeedAssessedUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
    }
}
