package de.kim.cases.config;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import de.kim.contracts.vocabulary.AccessRoute;
import de.kim.cases.api.CaseOpenedEvent;
import de.kim.contracts.vocabulary.TargetGroup;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
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

/** A case opened before case numbers (revision 2, pinned as JSON) reads as revision 3 without an Aktenzeichen. */
class CaseOpenedUpcasterTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(JsonMapper.builder().addModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build())
            .build();

    @Test
    void a_revision_2_case_reads_with_everything_it_had_and_no_case_number() throws Exception {
        byte[] stored = Objects.requireNonNull(getClass().getResourceAsStream("/upcasting/CaseOpenedEvent.rev2.json"))
                .readAllBytes();
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("CaseAggregate", "legacy-case-1", 0,
                "e-1", "2025-11-03T09:00:00Z", CaseOpenedEvent.class.getName(), "2", stored,
                "{}".getBytes(StandardCharsets.UTF_8));

        List<IntermediateEventRepresentation> upcast = new CaseOpenedUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();

        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("3");
        SerializedObject<byte[]> data = upcast.get(0).getData(byte[].class);
        CaseOpenedEvent event = serializer.deserialize(new SimpleSerializedObject<>(data.getData(), byte[].class,
                data.getType()));
        assertThat(event.caseNumber()).isNull();
        assertThat(event.caseId().value()).isEqualTo("legacy-case-1");
        assertThat(event.client().subject()).isEqualTo("legacy-case-1");
        assertThat(event.town()).isEqualTo("Velbert");
        assertThat(event.targetGroup()).isEqualTo(TargetGroup.FAMILIES);
        assertThat(event.accessRoute()).isEqualTo(AccessRoute.JOBCENTER);
        assertThat(event.openedOn()).isEqualTo(LocalDate.of(2025, 11, 3));
    }
}
